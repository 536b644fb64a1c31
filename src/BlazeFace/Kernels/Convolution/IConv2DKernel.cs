namespace BlazeFace.Kernels.Convolution;

/// <summary>A general 2-D convolution (any kernel size and stride), used for the networks' stems.</summary>
internal interface IConv2DKernel
{
    /// <summary>Re-lays TFLite's OHWI filter into the layout <see cref="Run"/> reads; called once at load.</summary>
    float[] Pack(ReadOnlySpan<float> filterOhwi, int outChannels, int kernelHeight, int kernelWidth, int inChannels);

    void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, in ConvolutionEpilogue epilogue);
}
