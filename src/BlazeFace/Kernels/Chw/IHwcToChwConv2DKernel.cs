using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Kernels.Chw;

/// <summary>
/// A 3x3 convolution (stride 1 or 2, any padding) from an interleaved (HWC) input with few channels to channel-major
/// (CHW) output: the first layer of a network that runs channel-major (XNNPACK's conv_hwc2chw).
/// </summary>
internal interface IHwcToChwConv2DKernel
{
    /// <param name="geometry">Shapes, 3x3 window, stride 1 or 2, padding.</param>
    /// <param name="input">The HWC input.</param>
    /// <param name="filterOhwi">TFLite's O x 3 x 3 x I filter, as it is.</param>
    /// <param name="bias">One value per output channel.</param>
    /// <param name="output">CHW output planes; must not overlap the input.</param>
    /// <param name="relu">Whether to clamp the outputs at zero.</param>
    void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> filterOhwi, ReadOnlySpan<float> bias, Span<float> output, bool relu);
}
