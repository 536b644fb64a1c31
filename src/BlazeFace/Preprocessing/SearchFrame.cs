namespace BlazeFace.Preprocessing;

/// <summary>
/// The part of an image a search looks at, turned the way the model is to see it: the region of interest turned
/// clockwise by the search's rotation, on a canvas just large enough to hold it (its axis-aligned bounding box).
/// Frame coordinates are pixels of that canvas, (0, 0) at its top-left corner.
/// </summary>
/// <remarks>
/// A frame vector (1, 0) is the image vector (cos θ, -sin θ) and (0, 1) is (sin θ, cos θ): turning the image
/// clockwise by θ makes that direction point right or down. Quarter turns use exact sines and cosines, so their
/// frames are exact permutations of the region's pixel grid. An upright frame (θ = 0) is the region itself, and
/// maps by one addition per axis, which keeps an unrotated whole-image search bit-identical to a plain letterbox.
/// </remarks>
internal readonly record struct SearchFrame
{
    private SearchFrame(ImageRegion region, double rotationDegrees, double cos, double sin, double width, double height, double originX, double originY)
    {
        Region = region;
        RotationDegrees = rotationDegrees;
        Cos = cos;
        Sin = sin;
        Width = width;
        Height = height;
        OriginX = originX;
        OriginY = originY;
    }

    /// <summary>The searched part of the image; nothing outside it is sampled.</summary>
    public ImageRegion Region { get; }

    /// <summary>How far the region is turned clockwise, in [0, 360).</summary>
    public double RotationDegrees { get; }

    /// <summary>Cosine of the rotation.</summary>
    public double Cos { get; }

    /// <summary>Sine of the rotation.</summary>
    public double Sin { get; }

    /// <summary>Width of the canvas in frame pixels (image pixels, turned).</summary>
    public double Width { get; }

    /// <summary>Height of the canvas in frame pixels.</summary>
    public double Height { get; }

    /// <summary>Horizontal image coordinate of the canvas's top-left corner.</summary>
    public double OriginX { get; }

    /// <summary>Vertical image coordinate of the canvas's top-left corner.</summary>
    public double OriginY { get; }

    /// <summary>Whether the frame is the region unturned, so that frame and image differ only by an offset.</summary>
    public bool IsUpright => RotationDegrees == 0;

    /// <summary>The frame of a region turned clockwise by <paramref name="rotationDegrees"/>.</summary>
    /// <param name="region">A region with a positive size; the caller checks it lies inside the image.</param>
    /// <param name="rotationDegrees">Any finite angle, clockwise.</param>
    public static SearchFrame Create(ImageRegion region, double rotationDegrees)
    {
        double rotation = RotationMath.Normalize360(rotationDegrees);
        if (rotation == 0)
        {
            return new SearchFrame(region, 0, 1, 0, region.Width, region.Height, region.X, region.Y);
        }

        (double cos, double sin) = RotationMath.CosSin(rotation);
        double width = (Math.Abs(cos) * region.Width) + (Math.Abs(sin) * region.Height);
        double height = (Math.Abs(sin) * region.Width) + (Math.Abs(cos) * region.Height);
        double centreX = region.X + (region.Width / 2.0);
        double centreY = region.Y + (region.Height / 2.0);

        // The canvas centre is the region centre; its top-left corner is half the canvas back along both frame axes.
        double originX = centreX - (((cos * width) + (sin * height)) / 2);
        double originY = centreY - (((-sin * width) + (cos * height)) / 2);
        return new SearchFrame(region, rotation, cos, sin, width, height, originX, originY);
    }

    /// <summary>Maps a point of the frame to image pixels.</summary>
    /// <param name="x">Horizontal frame coordinate.</param>
    /// <param name="y">Vertical frame coordinate.</param>
    public (double X, double Y) ToImage(double x, double y) => IsUpright
        ? (x + OriginX, y + OriginY)
        : (OriginX + (Cos * x) + (Sin * y), OriginY - (Sin * x) + (Cos * y));

    /// <summary>Maps a point in image pixels into the frame: the inverse of <see cref="ToImage(double, double)"/>.</summary>
    /// <param name="x">Horizontal image coordinate.</param>
    /// <param name="y">Vertical image coordinate.</param>
    public (double X, double Y) ToFrame(double x, double y)
    {
        double dx = x - OriginX;
        double dy = y - OriginY;
        return IsUpright ? (dx, dy) : ((Cos * dx) - (Sin * dy), (Sin * dx) + (Cos * dy));
    }
}
