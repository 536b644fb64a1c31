namespace BlazeFace.Benchmarks.Kernels;

/// <summary>Seeded random tensors in [-1, 1) for the kernel benchmarks (values do not change the work done).</summary>
internal static class KernelTensors
{
    public static float[] Random(int length, int seed)
    {
        var random = new Random(seed);
        var values = new float[length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }
}
