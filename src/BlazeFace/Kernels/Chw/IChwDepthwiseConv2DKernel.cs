using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Kernels.Chw;

/// <summary>A 3x3 depthwise convolution (stride 1 or 2, any padding) of channel-major (CHW) tensors.</summary>
internal interface IChwDepthwiseConv2DKernel
{
    /// <summary>Re-lays TFLite's 1 x 3 x 3 x C filter as C x 9: each channel's taps together, row by row.</summary>
    float[] Pack(ReadOnlySpan<float> filter1hwc, int channels);

    /// <param name="geometry">Shapes (NHWC dimensions, read as CHW planes), 3x3 window, stride 1 or 2, padding.</param>
    /// <param name="input">Input planes.</param>
    /// <param name="packedFilter">From <see cref="Pack"/>.</param>
    /// <param name="bias">One value per channel.</param>
    /// <param name="output">Output planes; must not overlap the input.</param>
    /// <param name="relu">Whether to clamp the outputs at zero.</param>
    void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, bool relu);
}
