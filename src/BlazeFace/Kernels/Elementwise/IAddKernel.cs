namespace BlazeFace.Kernels.Elementwise;

/// <summary>Element-wise sum of two equally shaped tensors, optionally followed by ReLU.</summary>
internal interface IAddKernel
{
    void Run(ReadOnlySpan<float> left, ReadOnlySpan<float> right, Span<float> output, bool relu);
}
