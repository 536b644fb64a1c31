namespace BlazeFace.Kernels.Convolution;

/// <summary>A 1x1, stride-1 convolution: a (pixels x in) by (in x out) matrix product plus bias.</summary>
internal interface IPointwiseConv2DKernel
{
    /// <summary>Re-lays TFLite's OHWI (here O x 1 x 1 x I) filter into the layout <see cref="Run"/> reads.</summary>
    float[] Pack(ReadOnlySpan<float> filterOhwi, int outChannels, int inChannels);

    void Run(int pixels, int inChannels, int outChannels, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, in ConvolutionEpilogue epilogue);
}
