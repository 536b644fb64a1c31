using BlazeFace.Preprocessing;

namespace BlazeFace.PostProcessing.Projection;

/// <summary>
/// The last post-processing stage: candidates, which the model reports normalised to its input ([0, 1]), back into
/// the pixels of the image (or of a search's turned canvas), along the transform that sampled the input.
/// </summary>
/// <remarks>
/// Geometry is computed in <see cref="double"/> so that it agrees with reference implementations that use 64-bit
/// floats. Keypoints are never clipped: a face cut by the image edge can have an ear outside it.
/// </remarks>
internal static class ImageProjection
{
    /// <summary>
    /// Maps a candidate normalised to the model input to a detection in image pixels; the score is unchanged. The
    /// detection's <see cref="FaceDetection.RotatedBoundingBox"/> is the box as the model found it, turned with the
    /// search and never clipped.
    /// </summary>
    /// <param name="transform">How the image was sampled into the input.</param>
    /// <param name="normalized">The candidate in normalised input coordinates.</param>
    /// <param name="clipToImage">Whether to clip the axis-aligned box to the image.</param>
    public static FaceDetection ToImage(in InputTransform transform, in FaceCandidate normalized, bool clipToImage)
    {
        if (!transform.IsAxisAligned)
        {
            FaceDetection turned = ToImage(transform.Frame, ToFrame(transform, normalized));
            FaceBox bounds = turned.BoundingBox;
            return turned with { BoundingBox = ToBox(bounds.X, bounds.Y, bounds.Width, bounds.Height, clipToImage, transform.ImageWidth, transform.ImageHeight) };
        }

        FaceBox box = normalized.BoundingBox;
        (double x, double y) = transform.ToImage(box.X, box.Y);
        (double width, double height) = transform.ToFrameSize(box.Width, box.Height);
        var rotated = new RotatedBox((float)(x + (width / 2)), (float)(y + (height / 2)), (float)width, (float)height, 0f);
        return new FaceDetection(normalized.Score, ToBox(x, y, width, height, clipToImage, transform.ImageWidth, transform.ImageHeight), ToImage(transform, normalized.Keypoints), rotated);
    }

    /// <summary>Maps keypoints normalised to the model input to image pixels.</summary>
    public static FaceKeypoints ToImage(in InputTransform transform, FaceKeypoints normalized)
    {
        Span<float> xy = stackalloc float[2 * FaceKeypoints.Count];
        normalized.CopyTo(xy);
        for (int i = 0; i < xy.Length; i += 2)
        {
            (double x, double y) = transform.ToImage(xy[i], xy[i + 1]);
            (xy[i], xy[i + 1]) = ((float)x, (float)y);
        }

        return new FaceKeypoints(xy);
    }

    /// <summary>Maps a candidate normalised to the model input onto the search frame's canvas, in canvas pixels.</summary>
    public static FaceCandidate ToFrame(in InputTransform transform, in FaceCandidate normalized)
    {
        Span<float> xy = stackalloc float[2 * FaceKeypoints.Count];
        normalized.Keypoints.CopyTo(xy);
        for (int i = 0; i < xy.Length; i += 2)
        {
            (double x, double y) = transform.ToFrame(xy[i], xy[i + 1]);
            (xy[i], xy[i + 1]) = ((float)x, (float)y);
        }

        FaceBox box = normalized.BoundingBox;
        (double left, double top) = transform.ToFrame(box.X, box.Y);
        (double width, double height) = transform.ToFrameSize(box.Width, box.Height);
        return new FaceCandidate(normalized.Score, new FaceBox((float)left, (float)top, (float)width, (float)height), new FaceKeypoints(xy));
    }

    /// <summary>
    /// Maps a face found on a search frame's canvas (box axis-aligned there) to image pixels: its box becomes the
    /// turned <see cref="FaceDetection.RotatedBoundingBox"/>, and <see cref="FaceDetection.BoundingBox"/> the
    /// axis-aligned box around it, unclipped.
    /// </summary>
    /// <param name="frame">The canvas the face was found on.</param>
    /// <param name="inFrame">The face in canvas pixels.</param>
    public static FaceDetection ToImage(in SearchFrame frame, in FaceCandidate inFrame)
    {
        FaceBox box = inFrame.BoundingBox;
        double left = double.PositiveInfinity, top = double.PositiveInfinity;
        double right = double.NegativeInfinity, bottom = double.NegativeInfinity;
        for (int corner = 0; corner < 4; corner++)
        {
            (double x, double y) = frame.ToImage(corner is 1 or 2 ? box.Right : box.X, corner >= 2 ? box.Bottom : box.Y);
            (left, right) = (Math.Min(left, x), Math.Max(right, x));
            (top, bottom) = (Math.Min(top, y), Math.Max(bottom, y));
        }

        (double centreX, double centreY) = frame.ToImage(box.X + (box.Width / 2.0), box.Y + (box.Height / 2.0));
        var rotated = new RotatedBox((float)centreX, (float)centreY, box.Width, box.Height, (float)RotationMath.NormalizeSigned(-frame.RotationDegrees));
        var bounds = new FaceBox((float)left, (float)top, (float)(right - left), (float)(bottom - top));
        return new FaceDetection(inFrame.Score, bounds, ToImage(frame, inFrame.Keypoints), rotated);
    }

    /// <summary>A box given by its edges in image pixels, optionally clipped to the image; shared by every mapping so that all clip alike.</summary>
    public static FaceBox ToBox(double x, double y, double width, double height, bool clipToImage, int imageWidth, int imageHeight)
    {
        if (clipToImage)
        {
            double x0 = Math.Max(0, x);
            double y0 = Math.Max(0, y);
            double x1 = Math.Min(imageWidth, x + width);
            double y1 = Math.Min(imageHeight, y + height);
            (x, y, width, height) = (x0, y0, Math.Max(0, x1 - x0), Math.Max(0, y1 - y0));
        }

        return new FaceBox((float)x, (float)y, (float)width, (float)height);
    }

    private static FaceKeypoints ToImage(in SearchFrame frame, FaceKeypoints inFrame)
    {
        Span<float> xy = stackalloc float[2 * FaceKeypoints.Count];
        inFrame.CopyTo(xy);
        for (int i = 0; i < xy.Length; i += 2)
        {
            (double x, double y) = frame.ToImage(xy[i], xy[i + 1]);
            (xy[i], xy[i + 1]) = ((float)x, (float)y);
        }

        return new FaceKeypoints(xy);
    }
}
