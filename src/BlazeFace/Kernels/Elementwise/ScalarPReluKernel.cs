namespace BlazeFace.Kernels.Elementwise;

/// <summary>PReLU one value at a time, as TFLite's reference PRELU computes it: the reference implementation.</summary>
internal sealed class ScalarPReluKernel : IPReluKernel
{
    public static ScalarPReluKernel Instance { get; } = new();

    public float[] Pack(ReadOnlySpan<float> alpha) => alpha.ToArray();

    public void Run(ReadOnlySpan<float> input, ReadOnlySpan<float> packedAlpha, int channels, Span<float> output)
    {
        PReluArguments.Check(input, packedAlpha.Length, channels, output);
        for (int pixel = 0; pixel < output.Length; pixel += channels)
        {
            for (int c = 0; c < channels; c++)
            {
                float x = input[pixel + c];
                output[pixel + c] = x >= 0f ? x : x * packedAlpha[c];
            }
        }
    }
}
