using BlazeFace.PostProcessing;

namespace BlazeFace.Preprocessing;

/// <summary>
/// How an image maps into the model input: input pixel = image pixel x scale + pad, per axis. Used forwards to
/// sample the image into the input tensor and backwards to turn detections, which the model reports normalised to
/// its input ([0, 1]), into image pixels.
/// </summary>
/// <remarks>
/// Everything is computed in <see cref="double"/> so that the mapping agrees with reference implementations that
/// use 64-bit floats; a <c>default</c> instance has zero scales and maps every point to infinity or NaN.
/// </remarks>
public readonly record struct InputTransform
{
    private InputTransform(int imageWidth, int imageHeight, int inputWidth, int inputHeight, ResizeMode mode, double scaleX, double scaleY, double padX, double padY)
    {
        ImageWidth = imageWidth;
        ImageHeight = imageHeight;
        InputWidth = inputWidth;
        InputHeight = inputHeight;
        Mode = mode;
        ScaleX = scaleX;
        ScaleY = scaleY;
        PadX = padX;
        PadY = padY;
    }

    /// <summary>Width of the source image in pixels.</summary>
    public int ImageWidth { get; }

    /// <summary>Height of the source image in pixels.</summary>
    public int ImageHeight { get; }

    /// <summary>Width of the model input in pixels.</summary>
    public int InputWidth { get; }

    /// <summary>Height of the model input in pixels.</summary>
    public int InputHeight { get; }

    /// <summary>How the image was fitted into the input.</summary>
    public ResizeMode Mode { get; }

    /// <summary>Input pixels per image pixel, horizontally.</summary>
    public double ScaleX { get; }

    /// <summary>Input pixels per image pixel, vertically.</summary>
    public double ScaleY { get; }

    /// <summary>Width of the black border left of the image, in input pixels (zero when stretching).</summary>
    public double PadX { get; }

    /// <summary>Height of the black border above the image, in input pixels (zero when stretching).</summary>
    public double PadY { get; }

    /// <summary>Computes how an image of the given size maps into the model input.</summary>
    /// <param name="imageWidth">Image width in pixels; positive.</param>
    /// <param name="imageHeight">Image height in pixels; positive.</param>
    /// <param name="inputWidth">Model input width in pixels; positive.</param>
    /// <param name="inputHeight">Model input height in pixels; positive.</param>
    /// <param name="mode">Letterbox (uniform scale, centred, black border) or stretch (independent scales).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive or <paramref name="mode"/> is undefined.</exception>
    public static InputTransform Create(int imageWidth, int imageHeight, int inputWidth, int inputHeight, ResizeMode mode)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputHeight);
        double scaleX = (double)inputWidth / imageWidth;
        double scaleY = (double)inputHeight / imageHeight;
        switch (mode)
        {
            case ResizeMode.Stretch:
                return new(imageWidth, imageHeight, inputWidth, inputHeight, mode, scaleX, scaleY, 0, 0);
            case ResizeMode.Letterbox:
                double scale = Math.Min(scaleX, scaleY);
                double padX = (inputWidth - (imageWidth * scale)) / 2;
                double padY = (inputHeight - (imageHeight * scale)) / 2;
                return new(imageWidth, imageHeight, inputWidth, inputHeight, mode, scale, scale, padX, padY);
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, $"{(int)mode} is not a defined {nameof(ResizeMode)} value.");
        }
    }

    /// <summary>Maps a point normalised to the model input ([0, 1] across the input) to image pixels.</summary>
    /// <param name="normalizedX">Horizontal coordinate, 0 at the input's left edge, 1 at its right edge.</param>
    /// <param name="normalizedY">Vertical coordinate, 0 at the input's top edge, 1 at its bottom edge.</param>
    /// <returns>The point in image pixels; outside the image when the point lies in the letterbox border.</returns>
    public (double X, double Y) ToImage(double normalizedX, double normalizedY) =>
        (((normalizedX * InputWidth) - PadX) / ScaleX, ((normalizedY * InputHeight) - PadY) / ScaleY);

    /// <summary>Maps a point in image pixels to coordinates normalised to the model input: the inverse of <see cref="ToImage(double, double)"/>.</summary>
    /// <param name="imageX">Horizontal image coordinate in pixels.</param>
    /// <param name="imageY">Vertical image coordinate in pixels.</param>
    public (double X, double Y) ToNormalized(double imageX, double imageY) =>
        (((imageX * ScaleX) + PadX) / InputWidth, ((imageY * ScaleY) + PadY) / InputHeight);

    /// <summary>Maps a box normalised to the model input to image pixels.</summary>
    /// <param name="normalized">The box in normalised input coordinates.</param>
    /// <param name="clipToImage">Whether to clip the box to the image, [0, width] x [0, height]; a box wholly outside becomes empty.</param>
    public FaceBox ToImage(FaceBox normalized, bool clipToImage)
    {
        (double x, double y) = ToImage(normalized.X, normalized.Y);
        double width = normalized.Width * InputWidth / ScaleX;
        double height = normalized.Height * InputHeight / ScaleY;
        if (clipToImage)
        {
            double x0 = Math.Max(0, x);
            double y0 = Math.Max(0, y);
            double x1 = Math.Min(ImageWidth, x + width);
            double y1 = Math.Min(ImageHeight, y + height);
            (x, y, width, height) = (x0, y0, Math.Max(0, x1 - x0), Math.Max(0, y1 - y0));
        }

        return new FaceBox((float)x, (float)y, (float)width, (float)height);
    }

    /// <summary>Maps keypoints normalised to the model input to image pixels. Keypoints are never clipped: a face cut by the image edge can have an ear outside it.</summary>
    /// <param name="normalized">The keypoints in normalised input coordinates.</param>
    public FaceKeypoints ToImage(FaceKeypoints normalized)
    {
        Span<float> xy = stackalloc float[2 * FaceKeypoints.Count];
        normalized.CopyTo(xy);
        for (int i = 0; i < xy.Length; i += 2)
        {
            (double x, double y) = ToImage(xy[i], xy[i + 1]);
            (xy[i], xy[i + 1]) = ((float)x, (float)y);
        }

        return new FaceKeypoints(xy);
    }

    /// <summary>Maps a candidate normalised to the model input to a detection in image pixels; the score is unchanged.</summary>
    /// <param name="normalized">The candidate in normalised input coordinates.</param>
    /// <param name="clipToImage">Whether to clip the box to the image; keypoints are never clipped.</param>
    public FaceDetection ToImage(FaceCandidate normalized, bool clipToImage) =>
        new(normalized.Score, ToImage(normalized.BoundingBox, clipToImage), ToImage(normalized.Keypoints));
}
