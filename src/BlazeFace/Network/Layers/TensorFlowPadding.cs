using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Network.Layers;

/// <summary>Output size and leading padding of one spatial axis, computed exactly as TensorFlow does.</summary>
internal static class TensorFlowPadding
{
    public static (int OutputSize, int PadBefore) Compute(int inputSize, int kernelSize, int stride, PaddingMode mode)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        if (mode == PaddingMode.Valid)
        {
            if (inputSize < kernelSize)
            {
                throw new ArgumentException($"A {kernelSize}-wide 'valid' window does not fit in {inputSize} pixels.", nameof(inputSize));
            }

            return (((inputSize - kernelSize) / stride) + 1, 0);
        }

        int outputSize = (inputSize + stride - 1) / stride;
        int padTotal = Math.Max(((outputSize - 1) * stride) + kernelSize - inputSize, 0);

        // TensorFlow puts the smaller half first: a 64-pixel axis, 3x3 window, stride 2 pads 0 before and 1 after.
        return (outputSize, padTotal / 2);
    }

    public static Conv2DGeometry Geometry(TensorShape input, int outChannels, int kernelSize, int stride, PaddingMode mode)
    {
        var (outH, padTop) = Compute(input.Height, kernelSize, stride, mode);
        var (outW, padLeft) = Compute(input.Width, kernelSize, stride, mode);
        return new Conv2DGeometry(input, new TensorShape(outH, outW, outChannels), kernelSize, kernelSize, stride, stride, padTop, padLeft);
    }
}
