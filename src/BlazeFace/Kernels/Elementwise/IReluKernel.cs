namespace BlazeFace.Kernels.Elementwise;

/// <summary>max(x, 0) element-wise.</summary>
internal interface IReluKernel
{
    void Run(ReadOnlySpan<float> input, Span<float> output);
}
