using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Kernels.Pooling;

/// <summary>Max pooling over KxK windows; taps in the padding are ignored, as TensorFlow does.</summary>
internal interface IMaxPool2DKernel
{
    /// <summary>The whole output from the whole input.</summary>
    void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, Span<float> output) =>
        RunRows(geometry, RowBand.Whole(geometry), input, output);

    /// <summary>
    /// The output rows of <paramref name="band"/>, written from the start of <paramref name="output"/>, reading the
    /// input rows they need from <paramref name="input"/>, which starts at the band's first input row.
    /// </summary>
    void RunRows(in Conv2DGeometry geometry, in RowBand band, ReadOnlySpan<float> input, Span<float> output);
}
