using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Kernels.Pooling;

/// <summary>Max pooling over KxK windows; taps in the padding are ignored, as TensorFlow does.</summary>
internal interface IMaxPool2DKernel
{
    void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, Span<float> output);
}
