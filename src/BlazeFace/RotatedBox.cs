using BlazeFace.Preprocessing;

namespace BlazeFace;

/// <summary>
/// A rectangle turned about its centre, in an image's pixels: the box of a face found in a rotated search, as the
/// model saw it, or the region of an image an aligned crop shows.
/// </summary>
/// <param name="CenterX">Horizontal coordinate of the centre.</param>
/// <param name="CenterY">Vertical coordinate of the centre.</param>
/// <param name="Width">Extent along the box's own horizontal axis.</param>
/// <param name="Height">Extent along the box's own vertical axis.</param>
/// <param name="AngleDegrees">
/// How far the box is turned clockwise (on screen, with y pointing down) from axis-aligned, in degrees, in
/// [-180, 180). A search with <see cref="ImageProcessingOptions.RotationDegrees"/> = θ finds boxes turned by -θ.
/// </param>
public readonly record struct RotatedBox(float CenterX, float CenterY, float Width, float Height, float AngleDegrees)
{
    /// <summary>The smallest axis-aligned box that contains this one.</summary>
    public FaceBox Bounds
    {
        get
        {
            (double cos, double sin) = RotationMath.CosSin(AngleDegrees);
            double halfWidth = ((Math.Abs(cos) * Width) + (Math.Abs(sin) * Height)) / 2;
            double halfHeight = ((Math.Abs(sin) * Width) + (Math.Abs(cos) * Height)) / 2;
            return new FaceBox((float)(CenterX - halfWidth), (float)(CenterY - halfHeight), (float)(2 * halfWidth), (float)(2 * halfHeight));
        }
    }

    /// <summary>An unturned box with the same extent as an axis-aligned one.</summary>
    /// <param name="box">The axis-aligned box.</param>
    public static RotatedBox FromBox(FaceBox box) =>
        new(box.X + (box.Width / 2), box.Y + (box.Height / 2), box.Width, box.Height, 0f);

    /// <summary>
    /// Maps a point given relative to the box, (0, 0) at its own top-left corner and (1, 1) at its bottom-right, to
    /// image pixels. For a crop of W x H pixels showing this box, crop point (x, y) is (x / W, y / H).
    /// </summary>
    /// <param name="u">Position along the box's own horizontal axis, 0 at its left edge, 1 at its right.</param>
    /// <param name="v">Position along the box's own vertical axis, 0 at its top edge, 1 at its bottom.</param>
    public (float X, float Y) ToImage(float u, float v)
    {
        (double cos, double sin) = RotationMath.CosSin(AngleDegrees);
        double dx = (u - 0.5) * Width;
        double dy = (v - 0.5) * Height;
        return ((float)(CenterX + (cos * dx) - (sin * dy)), (float)(CenterY + (sin * dx) + (cos * dy)));
    }

    /// <summary>Maps a point in image pixels to coordinates relative to the box: the inverse of <see cref="ToImage"/>.</summary>
    /// <param name="x">Horizontal image coordinate.</param>
    /// <param name="y">Vertical image coordinate.</param>
    /// <returns>(0, 0) at the box's own top-left corner, (1, 1) at its bottom-right; outside [0, 1] beyond its edges.</returns>
    public (float U, float V) ToBox(float x, float y)
    {
        (double cos, double sin) = RotationMath.CosSin(AngleDegrees);
        double dx = x - (double)CenterX;
        double dy = y - (double)CenterY;
        return ((float)(0.5 + (((cos * dx) + (sin * dy)) / Width)), (float)(0.5 + (((cos * dy) - (sin * dx)) / Height)));
    }

    /// <summary>
    /// Writes the four corners, interleaved x0, y0, … x3, y3: the box's own top-left, top-right, bottom-right and
    /// bottom-left, so that drawing them in order traces the outline.
    /// </summary>
    /// <param name="destination">At least eight values.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> holds fewer than eight values.</exception>
    public void CopyCornersTo(Span<float> destination)
    {
        if (destination.Length < 8)
        {
            throw new ArgumentException("Four corners need eight values.", nameof(destination));
        }

        (double cos, double sin) = RotationMath.CosSin(AngleDegrees);
        ReadOnlySpan<int> signs = [-1, -1, 1, -1, 1, 1, -1, 1];
        for (int corner = 0; corner < 4; corner++)
        {
            double dx = signs[2 * corner] * Width / 2.0;
            double dy = signs[(2 * corner) + 1] * Height / 2.0;
            destination[2 * corner] = (float)(CenterX + (cos * dx) - (sin * dy));
            destination[(2 * corner) + 1] = (float)(CenterY + (sin * dx) + (cos * dy));
        }
    }
}
