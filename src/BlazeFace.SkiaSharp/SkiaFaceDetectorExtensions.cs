using SkiaSharp;

namespace BlazeFace.SkiaSharp;

/// <summary>
/// Face detection on SkiaSharp images: <c>detector.Detect(bitmap)</c> for an <see cref="SKBitmap"/>,
/// <see cref="SKPixmap"/> or <see cref="SKImage"/>, with results in the image's pixels.
/// </summary>
/// <remarks>
/// <para>
/// Colour types: <see cref="SKColorType.Rgba8888"/>, <see cref="SKColorType.Bgra8888"/>,
/// <see cref="SKColorType.Rgb888x"/> and <see cref="SKColorType.Gray8"/> are read in place, row stride honoured,
/// with no copy, when they are opaque or unpremultiplied, and also when premultiplied but every pixel is opaque
/// (checked by reading the alpha bytes). Every other colour type with colour (565, 4444, F16, F32, 10-bit, 16-bit…)
/// and premultiplied images with transparency are converted by Skia to unpremultiplied RGBA in a pooled buffer, so
/// colours under partial transparency are the image's real colours. Alpha-only types (Alpha8, Alpha16, AlphaF16)
/// are refused.
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
    /// <returns>The faces found, best first, in the bitmap's pixel coordinates; empty when there are none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> or <paramref name="bitmap"/> is null.</exception>
    /// <exception cref="ArgumentException">The bitmap is empty, has no pixel memory, or has an alpha-only or unknown colour type; ParamName is "bitmap".</exception>
    /// <exception cref="ObjectDisposedException">The bitmap or the detector has been disposed.</exception>
    public static IReadOnlyList<FaceDetection> Detect(this FaceDetector detector, SKBitmap bitmap)
    {
        ArgumentNullException.ThrowIfNull(detector);
        using SkiaPixels pixels = SkiaPixels.From(bitmap, nameof(bitmap));
        return detector.Detect(pixels.View);
    }

    /// <summary>Detects faces in a bitmap without allocating once warmed up: results go into <paramref name="destination"/>.</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="bitmap">The image; any colour type with colour (see the class remarks).</param>
    /// <param name="destination">Receives the best <c>destination.Length</c> faces at most, best first.</param>
    /// <returns>The number of faces written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> or <paramref name="bitmap"/> is null.</exception>
    /// <exception cref="ArgumentException">The bitmap is empty, has no pixel memory, or has an alpha-only or unknown colour type; ParamName is "bitmap".</exception>
    /// <exception cref="ObjectDisposedException">The bitmap or the detector has been disposed.</exception>
    public static int Detect(this FaceDetector detector, SKBitmap bitmap, Span<FaceDetection> destination) =>
        Detect(detector, bitmap, destination, out _);

    /// <summary>Detects faces in a bitmap without allocating once warmed up, and reports how many were found in all.</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="bitmap">The image; any colour type with colour (see the class remarks).</param>
    /// <param name="destination">Receives the best <c>destination.Length</c> faces at most, best first.</param>
    /// <param name="found">How many faces were found; more than the return value when <paramref name="destination"/> was too short.</param>
    /// <returns>The number of faces written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> or <paramref name="bitmap"/> is null.</exception>
    /// <exception cref="ArgumentException">The bitmap is empty, has no pixel memory, or has an alpha-only or unknown colour type; ParamName is "bitmap".</exception>
    /// <exception cref="ObjectDisposedException">The bitmap or the detector has been disposed.</exception>
    public static int Detect(this FaceDetector detector, SKBitmap bitmap, Span<FaceDetection> destination, out int found)
    {
        ArgumentNullException.ThrowIfNull(detector);
        using SkiaPixels pixels = SkiaPixels.From(bitmap, nameof(bitmap));
        return detector.Detect(pixels.View, destination, out found);
    }

    /// <summary>Detects faces in a pixmap (pixels Skia describes but does not own, such as a locked frame buffer).</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="pixmap">The image; any colour type with colour (see the class remarks).</param>
    /// <returns>The faces found, best first, in the pixmap's pixel coordinates; empty when there are none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> or <paramref name="pixmap"/> is null.</exception>
    /// <exception cref="ArgumentException">The pixmap is empty, has no pixel memory, or has an alpha-only or unknown colour type; ParamName is "pixmap".</exception>
    /// <exception cref="ObjectDisposedException">The pixmap or the detector has been disposed.</exception>
    public static IReadOnlyList<FaceDetection> Detect(this FaceDetector detector, SKPixmap pixmap)
    {
        ArgumentNullException.ThrowIfNull(detector);
        using SkiaPixels pixels = SkiaPixels.From(pixmap, nameof(pixmap));
        return detector.Detect(pixels.View);
    }

    /// <summary>Detects faces in a pixmap without allocating once warmed up.</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="pixmap">The image; any colour type with colour (see the class remarks).</param>
    /// <param name="destination">Receives the best <c>destination.Length</c> faces at most, best first.</param>
    /// <returns>The number of faces written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> or <paramref name="pixmap"/> is null.</exception>
    /// <exception cref="ArgumentException">The pixmap is empty, has no pixel memory, or has an alpha-only or unknown colour type; ParamName is "pixmap".</exception>
    /// <exception cref="ObjectDisposedException">The pixmap or the detector has been disposed.</exception>
    public static int Detect(this FaceDetector detector, SKPixmap pixmap, Span<FaceDetection> destination) =>
        Detect(detector, pixmap, destination, out _);

    /// <summary>Detects faces in a pixmap without allocating once warmed up, and reports how many were found in all.</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="pixmap">The image; any colour type with colour (see the class remarks).</param>
    /// <param name="destination">Receives the best <c>destination.Length</c> faces at most, best first.</param>
    /// <param name="found">How many faces were found; more than the return value when <paramref name="destination"/> was too short.</param>
    /// <returns>The number of faces written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> or <paramref name="pixmap"/> is null.</exception>
    /// <exception cref="ArgumentException">The pixmap is empty, has no pixel memory, or has an alpha-only or unknown colour type; ParamName is "pixmap".</exception>
    /// <exception cref="ObjectDisposedException">The pixmap or the detector has been disposed.</exception>
    public static int Detect(this FaceDetector detector, SKPixmap pixmap, Span<FaceDetection> destination, out int found)
    {
        ArgumentNullException.ThrowIfNull(detector);
        using SkiaPixels pixels = SkiaPixels.From(pixmap, nameof(pixmap));
        return detector.Detect(pixels.View, destination, out found);
    }

    /// <summary>Detects faces in an image: a raster image is read in place, an encoded or GPU image is read back first.</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="image">The image; any colour type with colour (see the class remarks).</param>
    /// <returns>The faces found, best first, in the image's pixel coordinates; empty when there are none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> or <paramref name="image"/> is null.</exception>
    /// <exception cref="ArgumentException">The image is empty, its pixels cannot be read, or it has an alpha-only or unknown colour type; ParamName is "image".</exception>
    /// <exception cref="ObjectDisposedException">The image or the detector has been disposed.</exception>
    public static IReadOnlyList<FaceDetection> Detect(this FaceDetector detector, SKImage image)
    {
        ArgumentNullException.ThrowIfNull(detector);
        using SkiaPixels pixels = SkiaPixels.From(image, nameof(image));
        return detector.Detect(pixels.View);
    }

    /// <summary>Detects faces in an image without allocating once warmed up (for a raster image).</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="image">The image; any colour type with colour (see the class remarks).</param>
    /// <param name="destination">Receives the best <c>destination.Length</c> faces at most, best first.</param>
    /// <returns>The number of faces written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> or <paramref name="image"/> is null.</exception>
    /// <exception cref="ArgumentException">The image is empty, its pixels cannot be read, or it has an alpha-only or unknown colour type; ParamName is "image".</exception>
    /// <exception cref="ObjectDisposedException">The image or the detector has been disposed.</exception>
    public static int Detect(this FaceDetector detector, SKImage image, Span<FaceDetection> destination) =>
        Detect(detector, image, destination, out _);

    /// <summary>Detects faces in an image, writing into <paramref name="destination"/>, and reports how many were found in all.</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="image">The image; any colour type with colour (see the class remarks).</param>
    /// <param name="destination">Receives the best <c>destination.Length</c> faces at most, best first.</param>
    /// <param name="found">How many faces were found; more than the return value when <paramref name="destination"/> was too short.</param>
    /// <returns>The number of faces written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> or <paramref name="image"/> is null.</exception>
    /// <exception cref="ArgumentException">The image is empty, its pixels cannot be read, or it has an alpha-only or unknown colour type; ParamName is "image".</exception>
    /// <exception cref="ObjectDisposedException">The image or the detector has been disposed.</exception>
    public static int Detect(this FaceDetector detector, SKImage image, Span<FaceDetection> destination, out int found)
    {
        ArgumentNullException.ThrowIfNull(detector);
        using SkiaPixels pixels = SkiaPixels.From(image, nameof(image));
        return detector.Detect(pixels.View, destination, out found);
    }
}
