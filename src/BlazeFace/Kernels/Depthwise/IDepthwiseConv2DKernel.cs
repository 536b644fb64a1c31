using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Kernels.Depthwise;

/// <summary>A depthwise convolution with depth multiplier 1: one KxK filter per channel.</summary>
internal interface IDepthwiseConv2DKernel
{
    /// <summary>Re-lays TFLite's 1 x KH x KW x C filter into the layout <see cref="Run"/> reads.</summary>
    float[] Pack(ReadOnlySpan<float> filter1hwc, int kernelHeight, int kernelWidth, int channels);

    /// <summary>The whole output from the whole input.</summary>
    void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, bool relu) =>
        RunRows(geometry, RowBand.Whole(geometry), input, packedFilter, bias, output, relu);

    /// <summary>
    /// The output rows of <paramref name="band"/>, written from the start of <paramref name="output"/>, reading the
    /// input rows they need from <paramref name="input"/>, which starts at the band's first input row. Every value is
    /// computed exactly as <see cref="Run"/> computes it.
    /// </summary>
    void RunRows(in Conv2DGeometry geometry, in RowBand band, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, bool relu);
}
