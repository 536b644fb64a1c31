using BlazeFace.Kernels.Chw;

namespace BlazeFace.Kernels.Sparse;

/// <summary>
/// A 1x1 convolution of channel-major (CHW) tensors that skips the filter's zeros: each output channel is its bias plus
/// a weighted sum of only the input channel planes its nonzero weights name (XNNPACK's sparse inference).
/// </summary>
internal interface IChwSparsePointwiseKernel
{
    /// <param name="pixels">Pixels per channel plane.</param>
    /// <param name="filter">The sparse filter.</param>
    /// <param name="input">Input planes, <c>filter.InChannels</c> x <paramref name="pixels"/>.</param>
    /// <param name="bias">One value per output channel.</param>
    /// <param name="output">Output planes, <c>filter.OutChannels</c> x <paramref name="pixels"/>; must not overlap the input or residual.</param>
    /// <param name="epilogue">Residual and ReLU applied to each output.</param>
    void Run(int pixels, SparseFilter filter, ReadOnlySpan<float> input, ReadOnlySpan<float> bias, Span<float> output, in ChwEpilogue epilogue);
}
