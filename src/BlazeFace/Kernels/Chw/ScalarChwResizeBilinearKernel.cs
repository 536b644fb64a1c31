using BlazeFace.Kernels.Resize;

namespace BlazeFace.Kernels.Chw;

/// <summary>The CHW bilinear resize one value at a time, in the HWC reference's arithmetic: the reference.</summary>
internal sealed class ScalarChwResizeBilinearKernel : IChwResizeBilinearKernel
{
    public static ScalarChwResizeBilinearKernel Instance { get; } = new();

    public void Run(TensorShape inputShape, TensorShape outputShape, bool alignCorners, bool halfPixelCenters, ReadOnlySpan<float> input, Span<float> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Length, inputShape.Length, nameof(input));
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, outputShape.Length, nameof(output));
        float scaleY = ScalarResizeBilinearKernel.Scale(inputShape.Height, outputShape.Height, alignCorners);
        float scaleX = ScalarResizeBilinearKernel.Scale(inputShape.Width, outputShape.Width, alignCorners);
        int inPlane = inputShape.Height * inputShape.Width, outPlane = outputShape.Height * outputShape.Width;
        for (int c = 0; c < inputShape.Channels; c++)
        {
            ReadOnlySpan<float> plane = input.Slice(c * inPlane, inPlane);
            for (int y = 0; y < outputShape.Height; y++)
            {
                var (y0, y1, fy) = ScalarResizeBilinearKernel.Interpolation(y, scaleY, inputShape.Height, halfPixelCenters);
                for (int x = 0; x < outputShape.Width; x++)
                {
                    var (x0, x1, fx) = ScalarResizeBilinearKernel.Interpolation(x, scaleX, inputShape.Width, halfPixelCenters);
                    float top = (plane[(y0 * inputShape.Width) + x0] * (1 - fx)) + (plane[(y0 * inputShape.Width) + x1] * fx);
                    float bottom = (plane[(y1 * inputShape.Width) + x0] * (1 - fx)) + (plane[(y1 * inputShape.Width) + x1] * fx);
                    output[(c * outPlane) + (y * outputShape.Width) + x] = (top * (1 - fy)) + (bottom * fy);
                }
            }
        }
    }
}
