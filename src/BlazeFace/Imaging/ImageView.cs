namespace BlazeFace.Imaging;

/// <summary>
/// A read-only view of an 8-bit-per-channel image in the caller's memory, described by its size, pixel format and
/// stride. Nothing is copied: the view is only valid while the caller's buffer is.
/// </summary>
public readonly ref struct ImageView
{
    private readonly PixelLayout _layout;

    /// <summary>Wraps a pixel buffer after checking that it holds the described image.</summary>
    /// <param name="pixels">The pixel bytes, row after row from the top.</param>
    /// <param name="width">Width in pixels; positive.</param>
    /// <param name="height">Height in pixels; positive.</param>
    /// <param name="format">Byte layout of each pixel.</param>
    /// <param name="stride">
    /// Bytes from the start of one row to the start of the next, including any padding; 0 (the default) means rows
    /// are tightly packed (<paramref name="width"/> x bytes per pixel). The last row needs only its pixel bytes.
    /// </param>
    /// <exception cref="ArgumentException">
    /// An argument is invalid; <see cref="ArgumentException.ParamName"/> names it: a size that is not positive, an
    /// undefined <paramref name="format"/>, a stride shorter than a row, a size whose byte count does not fit in an
    /// <see cref="int"/> (reported against <paramref name="width"/> for one row, else <paramref name="height"/>), or a
    /// buffer too short for the image.
    /// </exception>
    public ImageView(ReadOnlySpan<byte> pixels, int width, int height, ImagePixelFormat format, int stride = 0)
    {
        _layout = PixelLayout.Create(pixels, width, height, format, stride);
        Pixels = pixels;
    }

    /// <summary>The caller's pixel buffer, as passed to the constructor.</summary>
    public ReadOnlySpan<byte> Pixels { get; }

    /// <summary>Width in pixels; zero only for a default-constructed view.</summary>
    public int Width => _layout.Width;

    /// <summary>Height in pixels; zero only for a default-constructed view.</summary>
    public int Height => _layout.Height;

    /// <summary>Byte layout of each pixel.</summary>
    public ImagePixelFormat Format => _layout.Format;

    /// <summary>Bytes from the start of one row to the start of the next (never 0, even when 0 was passed).</summary>
    public int Stride => _layout.Stride;

    internal PixelLayout Layout => _layout;

    /// <summary>The pixel bytes of one row, without the padding after them.</summary>
    /// <param name="y">Row index, 0 at the top.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="y"/> is not a row of the image.</exception>
    public ReadOnlySpan<byte> GetRow(int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return Pixels.Slice(y * Stride, _layout.RowBytes);
    }
}
