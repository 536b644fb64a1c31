using BlazeFace.Imaging;
using SkiaSharp;

namespace BlazeFace.SkiaSharp;

/// <summary>
/// Face detection on SkiaSharp images: <c>detector.Detect(bitmap)</c> for an <see cref="SKBitmap"/>,
/// <see cref="SKPixmap"/> or <see cref="SKImage"/>, with results in the image's pixels; search options (rotation,
/// region of interest, automatic orientation, tiling) for a bitmap; and <c>bitmap.AsImageView()</c>, the pixels in
/// place for the core's other entry points (<see cref="FaceTracker"/>, <see cref="FaceAligner"/>).
/// </summary>
/// <remarks>
/// <para>
/// Colour types: <see cref="SKColorType.Rgba8888"/>, <see cref="SKColorType.Bgra8888"/>,
/// <see cref="SKColorType.Rgb888x"/> and <see cref="SKColorType.Gray8"/> are read in place, row stride honoured,
/// with no copy, when they are opaque or unpremultiplied, and also when premultiplied but every pixel is opaque
/// (checked by reading the alpha bytes). Every other colour type with colour (565, 4444, F16, F32, 10-bit, 16-bit…)
/// and premultiplied images with transparency are converted by Skia to unpremultiplied RGBA, so colours under
/// partial transparency are the image's real colours; the buffer comes from the shared array pool up to 16 MiB (an
/// RGBA 2560x1600 image) and is allocated for the call above that, so no call leaves a large buffer alive after it
/// returns. Alpha-only types (Alpha8, Alpha16, AlphaF16) are refused.
/// </para>
/// <para>
/// The image must not change while a call runs. An <see cref="SKImage"/> that is still encoded (from
/// <see cref="SKImage.FromEncodedData(SKData)"/>) is decoded by the call, every call; decode it once into an
/// <see cref="SKBitmap"/> to detect on it repeatedly.
/// </para>
/// </remarks>
public static class SkiaFaceDetectorExtensions
{
    /// <summary>Detects faces in a bitmap.</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="bitmap">The image; any colour type with colour (see the class remarks).</param>
    /// <param name="options">How to search the image: rotation, a region of interest, automatic orientation, tiling (<see cref="FaceDetector.Detect(ImageView, ImageProcessingOptions)"/>); the default searches it upright, whole.</param>
    /// <returns>The faces found, best first, in the bitmap's pixel coordinates; empty when there are none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> or <paramref name="bitmap"/> is null.</exception>
    /// <exception cref="ArgumentException">The bitmap is empty, has no pixel memory, or has an alpha-only or unknown colour type (ParamName "bitmap"); or the options do not fit the image (ParamName "options").</exception>
    /// <exception cref="ObjectDisposedException">The bitmap or the detector has been disposed.</exception>
    public static IReadOnlyList<FaceDetection> Detect(this FaceDetector detector, SKBitmap bitmap, ImageProcessingOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(detector);
        using SkiaPixels pixels = SkiaPixels.From(bitmap, nameof(bitmap));
        return detector.Detect(pixels.View, options);
    }

    /// <summary>Detects faces in a bitmap without allocating once warmed up: results go into <paramref name="destination"/>.</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="bitmap">The image; any colour type with colour (see the class remarks).</param>
    /// <param name="destination">Receives the best <c>destination.Length</c> faces at most, best first.</param>
    /// <param name="found">How many faces were found; more than the return value when <paramref name="destination"/> was too short.</param>
    /// <param name="options">How to search the image, as for <see cref="Detect(FaceDetector, SKBitmap, ImageProcessingOptions)"/>.</param>
    /// <returns>The number of faces written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> or <paramref name="bitmap"/> is null.</exception>
    /// <exception cref="ArgumentException">The bitmap is empty, has no pixel memory, or has an alpha-only or unknown colour type (ParamName "bitmap"); or the options do not fit the image (ParamName "options").</exception>
    /// <exception cref="ObjectDisposedException">The bitmap or the detector has been disposed.</exception>
    public static int Detect(this FaceDetector detector, SKBitmap bitmap, Span<FaceDetection> destination, out int found, ImageProcessingOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(detector);
        using SkiaPixels pixels = SkiaPixels.From(bitmap, nameof(bitmap));
        return detector.Detect(pixels.View, destination, out found, options);
    }

    /// <summary>
    /// Detects faces in a reduced copy of an image and reports them in the image's own pixels: for a bitmap decoded
    /// with <see cref="UprightImageOptions.MinimumSide"/> (the size from
    /// <see cref="UprightImage.Load(string, UprightImageOptions?, out SKSizeI)"/>), or any thumbnail.
    /// </summary>
    /// <param name="detector">The detector.</param>
    /// <param name="bitmap">The reduced copy; any colour type with colour (see the class remarks).</param>
    /// <param name="imageSize">The size of the image the bitmap shows; each axis of every result is scaled by its ratio to the bitmap's (see the remarks).</param>
    /// <param name="options">How to search the bitmap, as for <see cref="Detect(FaceDetector, SKBitmap, ImageProcessingOptions)"/>; a region of interest is in the bitmap's pixels.</param>
    /// <returns>The faces found, best first, in the pixels of an image of <paramref name="imageSize"/>; empty when there are none.</returns>
    /// <remarks>
    /// Boxes, keypoints and the centres of rotated boxes scale per axis, so the bitmap's edges land on the image's;
    /// the sides of a rotated box scale by the mean of the two ratios (which a reduced decode keeps equal up to the
    /// rounding of its last pixel).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> or <paramref name="bitmap"/> is null.</exception>
    /// <exception cref="ArgumentException">The bitmap is empty, has no pixel memory, or has an alpha-only or unknown colour type (ParamName "bitmap"); or the options do not fit the bitmap (ParamName "options").</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="imageSize"/> is not positive (ParamName "imageSize").</exception>
    /// <exception cref="ObjectDisposedException">The bitmap or the detector has been disposed.</exception>
    public static IReadOnlyList<FaceDetection> Detect(this FaceDetector detector, SKBitmap bitmap, SKSizeI imageSize, ImageProcessingOptions options = default)
    {
        IReadOnlyList<FaceDetection> found = Detect(detector, bitmap, options);
        var scale = ReducedImageScale.Between(bitmap.Width, bitmap.Height, imageSize);
        var faces = new FaceDetection[found.Count];
        for (int i = 0; i < faces.Length; i++)
        {
            faces[i] = scale.ToImage(found[i]);
        }

        return faces;
    }

    /// <summary>
    /// Detects faces in a reduced copy of an image, as <see cref="Detect(FaceDetector, SKBitmap, SKSizeI, ImageProcessingOptions)"/>
    /// does, without allocating once warmed up: results go into <paramref name="destination"/>.
    /// </summary>
    /// <param name="detector">The detector.</param>
    /// <param name="bitmap">The reduced copy; any colour type with colour (see the class remarks).</param>
    /// <param name="imageSize">The size of the image the bitmap shows.</param>
    /// <param name="destination">Receives the best <c>destination.Length</c> faces at most, best first, in the pixels of an image of <paramref name="imageSize"/>.</param>
    /// <param name="found">How many faces were found; more than the return value when <paramref name="destination"/> was too short.</param>
    /// <param name="options">How to search the bitmap; a region of interest is in the bitmap's pixels.</param>
    /// <returns>The number of faces written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> or <paramref name="bitmap"/> is null.</exception>
    /// <exception cref="ArgumentException">The bitmap is empty, has no pixel memory, or has an alpha-only or unknown colour type (ParamName "bitmap"); or the options do not fit the bitmap (ParamName "options").</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="imageSize"/> is not positive (ParamName "imageSize").</exception>
    /// <exception cref="ObjectDisposedException">The bitmap or the detector has been disposed.</exception>
    public static int Detect(this FaceDetector detector, SKBitmap bitmap, SKSizeI imageSize, Span<FaceDetection> destination, out int found, ImageProcessingOptions options = default)
    {
        int written = Detect(detector, bitmap, destination, out found, options);
        var scale = ReducedImageScale.Between(bitmap.Width, bitmap.Height, imageSize);
        for (int i = 0; i < written; i++)
        {
            destination[i] = scale.ToImage(destination[i]);
        }

        return written;
    }

    /// <summary>Detects faces in a pixmap (pixels Skia describes but does not own, such as a locked frame buffer).</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="pixmap">The image; any colour type with colour (see the class remarks).</param>
    /// <param name="options">How to search the image: rotation, a region of interest, automatic orientation, tiling (<see cref="FaceDetector.Detect(ImageView, ImageProcessingOptions)"/>); the default searches it upright, whole.</param>
    /// <returns>The faces found, best first, in the pixmap's pixel coordinates; empty when there are none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> or <paramref name="pixmap"/> is null.</exception>
    /// <exception cref="ArgumentException">The pixmap is empty, has no pixel memory, or has an alpha-only or unknown colour type (ParamName "pixmap"); or the options do not fit the image (ParamName "options").</exception>
    /// <exception cref="ObjectDisposedException">The pixmap or the detector has been disposed.</exception>
    public static IReadOnlyList<FaceDetection> Detect(this FaceDetector detector, SKPixmap pixmap, ImageProcessingOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(detector);
        using SkiaPixels pixels = SkiaPixels.From(pixmap, nameof(pixmap));
        return detector.Detect(pixels.View, options);
    }

    /// <summary>Detects faces in a pixmap (pixels Skia describes but does not own, such as a locked frame buffer) without allocating once warmed up: results go into <paramref name="destination"/>.</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="pixmap">The image; any colour type with colour (see the class remarks).</param>
    /// <param name="destination">Receives the best <c>destination.Length</c> faces at most, best first.</param>
    /// <param name="found">How many faces were found; more than the return value when <paramref name="destination"/> was too short.</param>
    /// <param name="options">How to search the image, as for <see cref="Detect(FaceDetector, SKPixmap, ImageProcessingOptions)"/>.</param>
    /// <returns>The number of faces written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> or <paramref name="pixmap"/> is null.</exception>
    /// <exception cref="ArgumentException">The pixmap is empty, has no pixel memory, or has an alpha-only or unknown colour type (ParamName "pixmap"); or the options do not fit the image (ParamName "options").</exception>
    /// <exception cref="ObjectDisposedException">The pixmap or the detector has been disposed.</exception>
    public static int Detect(this FaceDetector detector, SKPixmap pixmap, Span<FaceDetection> destination, out int found, ImageProcessingOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(detector);
        using SkiaPixels pixels = SkiaPixels.From(pixmap, nameof(pixmap));
        return detector.Detect(pixels.View, destination, out found, options);
    }

    /// <summary>Detects faces in an image (a raster image is read in place, an encoded or GPU image is read back first).</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="image">The image; any colour type with colour (see the class remarks).</param>
    /// <param name="options">How to search the image: rotation, a region of interest, automatic orientation, tiling (<see cref="FaceDetector.Detect(ImageView, ImageProcessingOptions)"/>); the default searches it upright, whole.</param>
    /// <returns>The faces found, best first, in the image's pixel coordinates; empty when there are none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> or <paramref name="image"/> is null.</exception>
    /// <exception cref="ArgumentException">The image is empty, its pixels cannot be read, or it has an alpha-only or unknown colour type (ParamName "image"); or the options do not fit the image (ParamName "options").</exception>
    /// <exception cref="ObjectDisposedException">The image or the detector has been disposed.</exception>
    public static IReadOnlyList<FaceDetection> Detect(this FaceDetector detector, SKImage image, ImageProcessingOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(detector);
        using SkiaPixels pixels = SkiaPixels.From(image, nameof(image));
        return detector.Detect(pixels.View, options);
    }

    /// <summary>Detects faces in an image (a raster image is read in place, an encoded or GPU image is read back first) without allocating once warmed up: results go into <paramref name="destination"/>.</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="image">The image; any colour type with colour (see the class remarks).</param>
    /// <param name="destination">Receives the best <c>destination.Length</c> faces at most, best first.</param>
    /// <param name="found">How many faces were found; more than the return value when <paramref name="destination"/> was too short.</param>
    /// <param name="options">How to search the image, as for <see cref="Detect(FaceDetector, SKImage, ImageProcessingOptions)"/>.</param>
    /// <returns>The number of faces written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> or <paramref name="image"/> is null.</exception>
    /// <exception cref="ArgumentException">The image is empty, its pixels cannot be read, or it has an alpha-only or unknown colour type (ParamName "image"); or the options do not fit the image (ParamName "options").</exception>
    /// <exception cref="ObjectDisposedException">The image or the detector has been disposed.</exception>
    public static int Detect(this FaceDetector detector, SKImage image, Span<FaceDetection> destination, out int found, ImageProcessingOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(detector);
        using SkiaPixels pixels = SkiaPixels.From(image, nameof(image));
        return detector.Detect(pixels.View, destination, out found, options);
    }

    /// <summary>
    /// The bitmap's pixels as an <see cref="ImageView"/> in its own memory, with no copy, for the core's other entry
    /// points (<see cref="FaceTracker"/>, <see cref="FaceAligner"/>, the search options); valid only while
    /// the bitmap lives and keeps its pixels.
    /// </summary>
    /// <param name="bitmap">
    /// An <see cref="SKColorType.Rgba8888"/>, <see cref="SKColorType.Bgra8888"/>, <see cref="SKColorType.Rgb888x"/> or
    /// <see cref="SKColorType.Gray8"/> bitmap, opaque or unpremultiplied (or premultiplied with every pixel opaque), as
    /// <see cref="UprightImage"/> decodes them. Other colour types need a conversion, which a view cannot own: detect
    /// on the bitmap itself, or copy it to <see cref="SKColorType.Rgba8888"/> first.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="bitmap"/> is null.</exception>
    /// <exception cref="ArgumentException">The bitmap is empty, has no pixel memory, or has a colour or alpha type that cannot be read in place; ParamName is "bitmap".</exception>
    /// <exception cref="ObjectDisposedException">The bitmap has been disposed.</exception>
    public static ImageView AsImageView(this SKBitmap bitmap) => SkiaPixels.DirectView(bitmap, nameof(bitmap));

    /// <summary>The pixmap's pixels as an <see cref="ImageView"/> in place, as <see cref="AsImageView(SKBitmap)"/> gives a bitmap's.</summary>
    /// <param name="pixmap">A pixmap of a colour type read in place (see <see cref="AsImageView(SKBitmap)"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="pixmap"/> is null.</exception>
    /// <exception cref="ArgumentException">The pixmap is empty, has no pixel memory, or has a colour or alpha type that cannot be read in place; ParamName is "pixmap".</exception>
    /// <exception cref="ObjectDisposedException">The pixmap has been disposed.</exception>
    public static ImageView AsImageView(this SKPixmap pixmap) => SkiaPixels.DirectView(pixmap, nameof(pixmap));
}
