namespace BlazeFace.Kernels.Chw;

/// <summary>Bilinear resize of channel-major (CHW) planes with TFLite's coordinate rules (see the HWC kernel).</summary>
internal interface IChwResizeBilinearKernel
{
    void Run(TensorShape inputShape, TensorShape outputShape, bool alignCorners, bool halfPixelCenters, ReadOnlySpan<float> input, Span<float> output);
}
