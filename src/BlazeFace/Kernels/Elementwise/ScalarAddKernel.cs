namespace BlazeFace.Kernels.Elementwise;

/// <summary>Element-wise add, one value at a time: the reference implementation.</summary>
internal sealed class ScalarAddKernel : IAddKernel
{
    public static ScalarAddKernel Instance { get; } = new();

    public void Run(ReadOnlySpan<float> left, ReadOnlySpan<float> right, Span<float> output, bool relu)
    {
        for (int i = 0; i < output.Length; i++)
        {
            float sum = left[i] + right[i];
            output[i] = relu ? MathF.Max(sum, 0f) : sum;
        }
    }
}
