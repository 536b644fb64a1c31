namespace BlazeFace.Kernels.Elementwise;

/// <summary>ReLU one value at a time: the reference implementation.</summary>
internal sealed class ScalarReluKernel : IReluKernel
{
    public static ScalarReluKernel Instance { get; } = new();

    public void Run(ReadOnlySpan<float> input, Span<float> output)
    {
        for (int i = 0; i < output.Length; i++)
        {
            output[i] = MathF.Max(input[i], 0f);
        }
    }
}
