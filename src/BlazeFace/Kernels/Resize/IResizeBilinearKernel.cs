namespace BlazeFace.Kernels.Resize;

/// <summary>Bilinear resize of an NHWC tensor with TFLite's coordinate rules.</summary>
internal interface IResizeBilinearKernel
{
    void Run(TensorShape inputShape, TensorShape outputShape, bool alignCorners, bool halfPixelCenters, ReadOnlySpan<float> input, Span<float> output);
}
