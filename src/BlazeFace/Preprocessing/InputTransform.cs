namespace BlazeFace.Preprocessing;

/// <summary>
/// How an image maps into the model input. Used forwards to sample the image into the input tensor and backwards
/// to turn detections, which the model reports normalised to its input ([0, 1]), into image pixels.
/// </summary>
/// <remarks>
/// <para>
/// For a plain search of the whole image, input pixel = image pixel x scale + pad, per axis. In general the
/// transform first takes the <see cref="Region"/> of the image, turns it clockwise by <see cref="RotationDegrees"/>
/// onto a canvas just large enough to hold it, and fits (a window of) that canvas into the input with
/// <see cref="ScaleX"/>, <see cref="ScaleY"/>, <see cref="PadX"/> and <see cref="PadY"/>, which are then measured
/// in canvas pixels. Nothing outside the region is sampled: it reads as black, like the letterbox border.
/// </para>
/// <para>
/// Everything is computed in <see cref="double"/> so that the mapping agrees with reference implementations that
/// use 64-bit floats; a <c>default</c> instance has zero scales and maps every point to infinity or NaN.
/// </para>
/// </remarks>
internal readonly record struct InputTransform
{
    private InputTransform(
        int imageWidth, int imageHeight, int inputWidth, int inputHeight, ResizeMode mode, double scaleX, double scaleY, double padX, double padY, SearchFrame frame, double windowX, double windowY, double windowWidth, double windowHeight)
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
        Frame = frame;
        WindowX = windowX;
        WindowY = windowY;
        WindowWidth = windowWidth;
        WindowHeight = windowHeight;
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

    /// <summary>Input pixels per image pixel, horizontally (along the turned canvas when the search is rotated).</summary>
    public double ScaleX { get; }

    /// <summary>Input pixels per image pixel, vertically (along the turned canvas when the search is rotated).</summary>
    public double ScaleY { get; }

    /// <summary>Width of the black border left of the image, in input pixels (zero when stretching).</summary>
    public double PadX { get; }

    /// <summary>Height of the black border above the image, in input pixels (zero when stretching).</summary>
    public double PadY { get; }

    /// <summary>The part of the image that is searched: the whole image unless a region of interest was given.</summary>
    public ImageRegion Region => Frame.Region;

    /// <summary>How far the region is turned clockwise before it is fitted into the input, in degrees, in [0, 360).</summary>
    public double RotationDegrees => Frame.RotationDegrees;

    /// <summary>The region, turned: the canvas the window is cut from.</summary>
    internal SearchFrame Frame { get; }

    /// <summary>Left edge of the window on the canvas: what is fitted into the input is the window, not the whole canvas.</summary>
    internal double WindowX { get; }

    /// <summary>Top edge of the window on the canvas.</summary>
    internal double WindowY { get; }

    /// <summary>Width of the window in canvas pixels.</summary>
    internal double WindowWidth { get; }

    /// <summary>Height of the window in canvas pixels.</summary>
    internal double WindowHeight { get; }

    /// <summary>Whether input and image axes are parallel: then each axis maps on its own, by a scale and an offset.</summary>
    internal bool IsAxisAligned => Frame.IsUpright;

    /// <summary>Horizontal image coordinate of the window's left edge, for an axis-aligned transform.</summary>
    internal double OffsetX => Frame.OriginX + WindowX;

    /// <summary>Vertical image coordinate of the window's top edge, for an axis-aligned transform.</summary>
    internal double OffsetY => Frame.OriginY + WindowY;

    /// <summary>Computes how an image of the given size maps into the model input.</summary>
    /// <param name="imageWidth">Image width in pixels; positive.</param>
    /// <param name="imageHeight">Image height in pixels; positive.</param>
    /// <param name="inputWidth">Model input width in pixels; positive.</param>
    /// <param name="inputHeight">Model input height in pixels; positive.</param>
    /// <param name="mode">Letterbox (uniform scale, centred, black border) or stretch (independent scales).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive or <paramref name="mode"/> is undefined.</exception>
    public static InputTransform Create(int imageWidth, int imageHeight, int inputWidth, int inputHeight, ResizeMode mode)
    {
        CheckSizes(imageWidth, imageHeight, inputWidth, inputHeight, mode);
        var frame = SearchFrame.Create(ImageRegion.Whole(imageWidth, imageHeight), 0);
        return Fit(imageWidth, imageHeight, inputWidth, inputHeight, mode, frame, 0, 0, frame.Width, frame.Height);
    }

    /// <summary>
    /// Computes how a region of an image, turned clockwise by an angle, maps into the model input: what MediaPipe's
    /// image-processing options (region of interest, then rotation) describe, for any angle.
    /// </summary>
    /// <param name="imageWidth">Image width in pixels; positive.</param>
    /// <param name="imageHeight">Image height in pixels; positive.</param>
    /// <param name="inputWidth">Model input width in pixels; positive.</param>
    /// <param name="inputHeight">Model input height in pixels; positive.</param>
    /// <param name="mode">How the turned region's canvas is fitted into the input.</param>
    /// <param name="region">The part of the image to search; it must lie inside the image.</param>
    /// <param name="rotationDegrees">How far the region is turned clockwise before detection; any finite angle.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A size is not positive, <paramref name="mode"/> is undefined, <paramref name="region"/> is empty or reaches
    /// outside the image, or <paramref name="rotationDegrees"/> is not finite.
    /// </exception>
    public static InputTransform Create(int imageWidth, int imageHeight, int inputWidth, int inputHeight, ResizeMode mode, ImageRegion region, double rotationDegrees)
    {
        CheckSizes(imageWidth, imageHeight, inputWidth, inputHeight, mode);
        if (!region.FitsWithin(imageWidth, imageHeight))
        {
            throw new ArgumentOutOfRangeException(nameof(region), region, $"The region must have a positive size and lie inside the {imageWidth}x{imageHeight} image.");
        }

        if (!double.IsFinite(rotationDegrees))
        {
            throw new ArgumentOutOfRangeException(nameof(rotationDegrees), rotationDegrees, "The rotation must be a finite number of degrees.");
        }

        var frame = SearchFrame.Create(region, rotationDegrees);
        return Fit(imageWidth, imageHeight, inputWidth, inputHeight, mode, frame, 0, 0, frame.Width, frame.Height);
    }

    /// <summary>
    /// The transform that fits one window of a frame's canvas into the input, as a tiled search does; the window may
    /// reach past the canvas, where it reads black.
    /// </summary>
    internal static InputTransform ForWindow(
        int imageWidth, int imageHeight, int inputWidth, int inputHeight, ResizeMode mode, SearchFrame frame, double windowX, double windowY, double windowWidth, double windowHeight) =>
        Fit(imageWidth, imageHeight, inputWidth, inputHeight, mode, frame, windowX, windowY, windowWidth, windowHeight);

    /// <summary>Maps a point normalised to the model input ([0, 1] across the input) to image pixels.</summary>
    /// <param name="normalizedX">Horizontal coordinate, 0 at the input's left edge, 1 at its right edge.</param>
    /// <param name="normalizedY">Vertical coordinate, 0 at the input's top edge, 1 at its bottom edge.</param>
    /// <returns>The point in image pixels; outside the image when the point lies in the letterbox border.</returns>
    public (double X, double Y) ToImage(double normalizedX, double normalizedY)
    {
        double x = ((normalizedX * InputWidth) - PadX) / ScaleX;
        double y = ((normalizedY * InputHeight) - PadY) / ScaleY;
        return IsAxisAligned ? (x + OffsetX, y + OffsetY) : Frame.ToImage(x + WindowX, y + WindowY);
    }

    /// <summary>Maps a point in image pixels to coordinates normalised to the model input: the inverse of <see cref="ToImage(double, double)"/>.</summary>
    /// <param name="imageX">Horizontal image coordinate in pixels.</param>
    /// <param name="imageY">Vertical image coordinate in pixels.</param>
    public (double X, double Y) ToNormalized(double imageX, double imageY)
    {
        (double x, double y) = IsAxisAligned ? (imageX - OffsetX, imageY - OffsetY) : Minus(Frame.ToFrame(imageX, imageY), WindowX, WindowY);
        return (((x * ScaleX) + PadX) / InputWidth, ((y * ScaleY) + PadY) / InputHeight);
    }

    private static void CheckSizes(int imageWidth, int imageHeight, int inputWidth, int inputHeight, ResizeMode mode)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputHeight);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"{(int)mode} is not a defined {nameof(ResizeMode)} value.");
        }
    }

    private static InputTransform Fit(
        int imageWidth, int imageHeight, int inputWidth, int inputHeight, ResizeMode mode, SearchFrame frame, double windowX, double windowY, double windowWidth, double windowHeight)
    {
        double scaleX = inputWidth / windowWidth;
        double scaleY = inputHeight / windowHeight;
        if (mode == ResizeMode.Stretch)
        {
            return new(imageWidth, imageHeight, inputWidth, inputHeight, mode, scaleX, scaleY, 0, 0, frame, windowX, windowY, windowWidth, windowHeight);
        }

        double scale = Math.Min(scaleX, scaleY);
        double padX = (inputWidth - (windowWidth * scale)) / 2;
        double padY = (inputHeight - (windowHeight * scale)) / 2;
        return new(imageWidth, imageHeight, inputWidth, inputHeight, mode, scale, scale, padX, padY, frame, windowX, windowY, windowWidth, windowHeight);
    }

    private static (double X, double Y) Minus((double X, double Y) point, double x, double y) => (point.X - x, point.Y - y);

    /// <summary>Maps a point normalised to the model input onto the frame's canvas, in canvas pixels.</summary>
    /// <param name="normalizedX">Horizontal coordinate, 0 at the input's left edge, 1 at its right edge.</param>
    /// <param name="normalizedY">Vertical coordinate, 0 at the input's top edge, 1 at its bottom edge.</param>
    internal (double X, double Y) ToFrame(double normalizedX, double normalizedY) =>
        ((((normalizedX * InputWidth) - PadX) / ScaleX) + WindowX, (((normalizedY * InputHeight) - PadY) / ScaleY) + WindowY);

    /// <summary>Maps a size normalised to the model input to canvas (and, unturned, image) pixels.</summary>
    internal (double Width, double Height) ToFrameSize(double normalizedWidth, double normalizedHeight) =>
        (normalizedWidth * InputWidth / ScaleX, normalizedHeight * InputHeight / ScaleY);
}
