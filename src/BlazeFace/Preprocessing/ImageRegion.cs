namespace BlazeFace.Preprocessing;

/// <summary>A rectangle of whole pixels in an image, such as the region of interest a detection searches.</summary>
/// <param name="X">Left edge: the first column inside the region.</param>
/// <param name="Y">Top edge: the first row inside the region.</param>
/// <param name="Width">Number of columns; positive for a usable region.</param>
/// <param name="Height">Number of rows; positive for a usable region.</param>
internal readonly record struct ImageRegion(int X, int Y, int Width, int Height)
{
    /// <summary>One past the last column inside the region (<see cref="X"/> + <see cref="Width"/>).</summary>
    public long Right => (long)X + Width;

    /// <summary>One past the last row inside the region (<see cref="Y"/> + <see cref="Height"/>).</summary>
    public long Bottom => (long)Y + Height;

    /// <summary>Whether the region has a positive size and lies wholly inside an image of the given size.</summary>
    /// <param name="imageWidth">Image width in pixels.</param>
    /// <param name="imageHeight">Image height in pixels.</param>
    public bool FitsWithin(int imageWidth, int imageHeight) =>
        X >= 0 && Y >= 0 && Width > 0 && Height > 0 && Right <= imageWidth && Bottom <= imageHeight;

    /// <summary>The region covering a whole image.</summary>
    public static ImageRegion Whole(int imageWidth, int imageHeight) => new(0, 0, imageWidth, imageHeight);
}
