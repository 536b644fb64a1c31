namespace BlazeFace.Imaging;

/// <summary>
/// A writable pixel buffer that fills axis-aligned rectangles, clipped to the image. Coordinates are
/// <see cref="long"/> so that shapes far outside the image, or huge, cannot overflow before clipping.
/// </summary>
internal readonly ref struct PixelCanvas
{
    private readonly Span<byte> _pixels;
    private readonly PixelLayout _layout;
    private readonly ChannelOffsets _channels;

    /// <summary>Wraps a buffer whose layout has been validated.</summary>
    /// <param name="pixels">The pixel bytes.</param>
    /// <param name="layout">Their validated layout; must be a colour format.</param>
    public PixelCanvas(Span<byte> pixels, PixelLayout layout)
    {
        _pixels = pixels;
        _layout = layout;
        _channels = layout.Format.GetChannelOffsets();
    }

    /// <summary>Image width in pixels.</summary>
    public int Width => _layout.Width;

    /// <summary>Image height in pixels.</summary>
    public int Height => _layout.Height;

    /// <summary>Paints the pixels with left &lt;= x &lt; right and top &lt;= y &lt; bottom that lie inside the image.</summary>
    /// <param name="left">First column.</param>
    /// <param name="top">First row.</param>
    /// <param name="right">One past the last column.</param>
    /// <param name="bottom">One past the last row.</param>
    /// <param name="color">The colour; alpha, where the format has it, becomes opaque.</param>
    public void Fill(long left, long top, long right, long bottom, Rgb color)
    {
        int x0 = (int)Math.Clamp(left, 0, Width);
        int y0 = (int)Math.Clamp(top, 0, Height);
        int x1 = (int)Math.Clamp(right, 0, Width);
        int y1 = (int)Math.Clamp(bottom, 0, Height);
        int bytesPerPixel = _layout.BytesPerPixel;
        for (int y = y0; y < y1; y++)
        {
            Span<byte> row = _pixels.Slice(y * _layout.Stride, _layout.RowBytes);
            for (int x = x0; x < x1; x++)
            {
                Span<byte> pixel = row.Slice(x * bytesPerPixel, bytesPerPixel);
                pixel[_channels.Red] = color.R;
                pixel[_channels.Green] = color.G;
                pixel[_channels.Blue] = color.B;
                if (_channels.HasAlpha)
                {
                    pixel[_channels.Alpha] = byte.MaxValue;
                }
            }
        }
    }
}
