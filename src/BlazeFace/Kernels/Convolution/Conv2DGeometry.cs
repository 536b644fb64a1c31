namespace BlazeFace.Kernels.Convolution;

/// <summary>Everything a convolution or pooling kernel needs to know about its window walk.</summary>
/// <remarks>
/// <see cref="PadTop"/> and <see cref="PadLeft"/> are the leading zero padding TensorFlow chose; the trailing
/// padding follows from the output size, so kernels treat any tap outside the input as zero.
/// </remarks>
internal readonly record struct Conv2DGeometry(
    TensorShape Input,
    TensorShape Output,
    int KernelHeight,
    int KernelWidth,
    int StrideHeight,
    int StrideWidth,
    int PadTop,
    int PadLeft);
