namespace BlazeFace.Imaging;

/// <summary>
/// An image in memory the caller owns, like <see cref="ImageView"/> but storable (in a list, across threads),
/// for <see cref="FaceDetector.DetectBatch"/>.
/// </summary>
public readonly struct ImageBuffer
{
    /// <summary>Wraps a pixel buffer after checking that it holds the described image.</summary>
    /// <param name="pixels">The pixel bytes, row after row from the top; not copied.</param>
    /// <param name="width">Width in pixels; positive.</param>
    /// <param name="height">Height in pixels; positive.</param>
    /// <param name="format">Byte layout of each pixel.</param>
    /// <param name="stride">Bytes from one row to the next; 0 means tightly packed.</param>
    /// <exception cref="ArgumentException">An argument is invalid, as for <see cref="ImageView"/>; ParamName names it.</exception>
    public ImageBuffer(ReadOnlyMemory<byte> pixels, int width, int height, ImagePixelFormat format, int stride = 0)
    {
        Stride = new ImageView(pixels.Span, width, height, format, stride).Stride;
        Pixels = pixels;
        Width = width;
        Height = height;
        Format = format;
    }

    /// <summary>The caller's pixel buffer.</summary>
    public ReadOnlyMemory<byte> Pixels { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Byte layout of each pixel.</summary>
    public ImagePixelFormat Format { get; }

    /// <summary>Bytes from the start of one row to the start of the next.</summary>
    public int Stride { get; }

    /// <summary>A view of the same pixels for <see cref="FaceDetector.Detect(ImageView)"/>.</summary>
    /// <exception cref="ArgumentException">The buffer is a default value with no pixels.</exception>
    public ImageView AsView() => new(Pixels.Span, Width, Height, Format, Stride);

    /// <summary>
    /// <see cref="AsView()"/> for an entry point whose parameter is the buffer: a default buffer is refused naming that
    /// parameter, as a default <see cref="ImageView"/> is, rather than the constructor's "width".
    /// </summary>
    internal ImageView AsView(string paramName) => Width == 0
        ? throw new ArgumentException("The image buffer is uninitialised (default).", paramName)
        : AsView();
}
