using BlazeFace.Imaging;
using BlazeFace.Preprocessing;

namespace BlazeFace.Landmarks;

/// <summary>
/// The landmark model's input: a region of the image sampled in one bilinear pass into an S x S RGB tensor in
/// [0, 1], as MediaPipe's <c>ImageToTensorCalculator</c> makes it for <c>face_landmark_cpu</c> (the region stretched
/// to the tensor, <c>output_tensor_float_range</c> 0 to 1, the border replicated where the region leaves the image).
/// </summary>
/// <remarks>
/// Tensor pixel (i, j) shows the region's point ((i + 0.5) / S, (j + 0.5) / S), pixel centres aligned as in the
/// detectors' input. MediaPipe's CPU path is OpenCV's <c>warpPerspective</c>, which aligns pixel corners instead and
/// blends in fixed point on bytes; the two sample points differ by at most half a tensor pixel.
/// </remarks>
internal static class RegionCrop
{
    /// <summary>Samples <paramref name="region"/> of <paramref name="image"/> into <paramref name="tensor"/>.</summary>
    /// <param name="image">The source image; any format.</param>
    /// <param name="region">The region, in image pixels; finite, with a positive size.</param>
    /// <param name="size">The tensor's side, S.</param>
    /// <param name="useVectors">Whether colour pixels go through the 4-wide vector loop.</param>
    /// <param name="tensor">Receives S x S x 3 floats, NHWC.</param>
    public static void Sample(ImageView image, in RotatedBox region, int size, bool useVectors, Span<float> tensor)
    {
        (double cos, double sin) = RotationMath.CosSin(region.AngleDegrees);
        double stepX = (double)region.Width / size;
        double stepY = (double)region.Height / size;

        // Image point of tensor point (x, y): centre + R (x stepX - width / 2, y stepY - height / 2).
        double x0 = region.CenterX - ((cos * region.Width / 2) - (sin * region.Height / 2));
        double y0 = region.CenterY - ((sin * region.Width / 2) + (cos * region.Height / 2));
        var sampling = AffineSampling.ForOutput(size, size, x0, cos * stepX, -sin * stepY, y0, sin * stepX, cos * stepY, image.Width, image.Height, replicateBorder: true);
        AffineRowSampler.SampleTensor(image, sampling, size, TensorValueRange.ZeroToOne, useVectors, tensor);
    }
}
