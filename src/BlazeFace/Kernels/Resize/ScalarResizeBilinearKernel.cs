namespace BlazeFace.Kernels.Resize;

/// <summary>
/// Bilinear resize following TFLite's reference kernel: source coordinate (dst + 0.5) * scale - 0.5 with half-pixel
/// centres, dst * scale otherwise; the lower neighbour is clamped to 0 and the upper one to size - 1.
/// </summary>
internal sealed class ScalarResizeBilinearKernel : IResizeBilinearKernel
{
    public static ScalarResizeBilinearKernel Instance { get; } = new();

    public void Run(TensorShape inputShape, TensorShape outputShape, bool alignCorners, bool halfPixelCenters, ReadOnlySpan<float> input, Span<float> output)
    {
        int c = inputShape.Channels;
        float scaleY = Scale(inputShape.Height, outputShape.Height, alignCorners);
        float scaleX = Scale(inputShape.Width, outputShape.Width, alignCorners);
        for (int y = 0; y < outputShape.Height; y++)
        {
            var (y0, y1, fy) = Interpolation(y, scaleY, inputShape.Height, halfPixelCenters);
            for (int x = 0; x < outputShape.Width; x++)
            {
                var (x0, x1, fx) = Interpolation(x, scaleX, inputShape.Width, halfPixelCenters);
                for (int ch = 0; ch < c; ch++)
                {
                    float top = (input[(((y0 * inputShape.Width) + x0) * c) + ch] * (1 - fx)) + (input[(((y0 * inputShape.Width) + x1) * c) + ch] * fx);
                    float bottom = (input[(((y1 * inputShape.Width) + x0) * c) + ch] * (1 - fx)) + (input[(((y1 * inputShape.Width) + x1) * c) + ch] * fx);
                    output[(((y * outputShape.Width) + x) * c) + ch] = (top * (1 - fy)) + (bottom * fy);
                }
            }
        }
    }

    /// <summary>TFLite's input/output scale: align_corners maps the corner pixels onto each other.</summary>
    internal static float Scale(int inSize, int outSize, bool alignCorners) =>
        alignCorners && outSize > 1 ? (inSize - 1) / (float)(outSize - 1) : inSize / (float)outSize;

    /// <summary>Neighbours and weight of the upper neighbour for one output coordinate.</summary>
    internal static (int Lower, int Upper, float Fraction) Interpolation(int dst, float scale, int inSize, bool halfPixelCenters)
    {
        float src = halfPixelCenters ? ((dst + 0.5f) * scale) - 0.5f : dst * scale;
        int lower = Math.Max((int)MathF.Floor(src), 0);
        int upper = Math.Min((int)MathF.Ceiling(src), inSize - 1);

        // TFLite weighs by the distance to the clamped lower neighbour, so a negative source coordinate
        // near the top-left edge still reproduces the edge pixel exactly.
        return (lower, upper, src - lower);
    }
}
