using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Kernels.Depthwise;

/// <summary>A depthwise convolution with depth multiplier 1: one KxK filter per channel.</summary>
internal interface IDepthwiseConv2DKernel
{
    /// <summary>Re-lays TFLite's 1 x KH x KW x C filter into the layout <see cref="Run"/> reads.</summary>
    float[] Pack(ReadOnlySpan<float> filter1hwc, int kernelHeight, int kernelWidth, int channels);

    void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, bool relu);
}
