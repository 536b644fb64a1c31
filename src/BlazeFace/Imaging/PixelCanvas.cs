namespace BlazeFace.Imaging;

/// <summary>
/// A writable pixel buffer that fills axis-aligned rectangles and draws straight lines, clipped to the image.
/// Coordinates are <see cref="long"/> (or clipped doubles) so that shapes far outside the image, or huge, cannot
/// overflow before clipping.
/// </summary>
internal readonly ref struct PixelCanvas
{
    // Where a point lies against the clipping rectangle (Cohen-Sutherland outcodes).
    private const int LeftOf = 1, RightOf = 2, Above = 4, Below = 8;

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

    /// <summary>
    /// Draws a straight line between two points in pixel coordinates (pixel x covers [x, x + 1)): every pixel the
    /// line steps through, one per step along its longer axis, gets a <paramref name="thickness"/>-pixel square
    /// centred on it. The line is first clipped to the image (grown by the thickness), so a line reaching far outside
    /// costs only its visible part. Lines with a coordinate that is not finite are skipped.
    /// </summary>
    /// <param name="x0">Start, horizontal.</param>
    /// <param name="y0">Start, vertical.</param>
    /// <param name="x1">End, horizontal.</param>
    /// <param name="y1">End, vertical.</param>
    /// <param name="thickness">Width of the line in pixels; at least 1.</param>
    /// <param name="color">The colour.</param>
    public void DrawLine(double x0, double y0, double x1, double y1, int thickness, Rgb color)
    {
        if (!double.IsFinite(x0) || !double.IsFinite(y0) || !double.IsFinite(x1) || !double.IsFinite(y1)
            || !Clip(ref x0, ref y0, ref x1, ref y1, -thickness, Width + thickness, -thickness, Height + thickness))
        {
            return;
        }

        long startX = (long)Math.Floor(x0), startY = (long)Math.Floor(y0);
        long endX = (long)Math.Floor(x1), endY = (long)Math.Floor(y1);
        long steps = Math.Max(Math.Abs(endX - startX), Math.Abs(endY - startY));
        long before = (thickness - 1) / 2;
        for (long step = 0; step <= steps; step++)
        {
            // Rounded positions along the segment between the two end pixels, which it always reaches exactly.
            long x = steps == 0 ? startX : startX + (long)Math.Round((double)(endX - startX) * step / steps, MidpointRounding.AwayFromZero);
            long y = steps == 0 ? startY : startY + (long)Math.Round((double)(endY - startY) * step / steps, MidpointRounding.AwayFromZero);
            Fill(x - before, y - before, x - before + thickness, y - before + thickness, color);
        }
    }

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

    /// <summary>
    /// Cohen-Sutherland: shortens the segment to the part inside [left, right] x [top, bottom]; false when none is. An
    /// end moved onto an edge takes the edge's coordinate exactly, so a segment of astronomic length still lands on
    /// the right row or column.
    /// </summary>
    private static bool Clip(ref double x0, ref double y0, ref double x1, ref double y1, double left, double right, double top, double bottom)
    {
        int outside0 = Outcode(x0, y0, left, right, top, bottom);
        int outside1 = Outcode(x1, y1, left, right, top, bottom);
        while ((outside0 | outside1) != 0)
        {
            if ((outside0 & outside1) != 0)
            {
                return false;
            }

            int outside = outside0 != 0 ? outside0 : outside1;
            double x, y;
            if ((outside & (Above | Below)) != 0)
            {
                y = (outside & Above) != 0 ? top : bottom;
                x = x0 + ((x1 - x0) * ((y - y0) / (y1 - y0)));
            }
            else
            {
                x = (outside & LeftOf) != 0 ? left : right;
                y = y0 + ((y1 - y0) * ((x - x0) / (x1 - x0)));
            }

            if (outside == outside0)
            {
                (x0, y0) = (Math.Clamp(x, left, right), Math.Clamp(y, top, bottom));
                outside0 = Outcode(x0, y0, left, right, top, bottom);
            }
            else
            {
                (x1, y1) = (Math.Clamp(x, left, right), Math.Clamp(y, top, bottom));
                outside1 = Outcode(x1, y1, left, right, top, bottom);
            }
        }

        return true;
    }

    private static int Outcode(double x, double y, double left, double right, double top, double bottom) =>
        (x < left ? LeftOf : 0) | (x > right ? RightOf : 0) | (y < top ? Above : 0) | (y > bottom ? Below : 0);
}
