using SkiaSharp;

namespace BlazeFace.SkiaSharp;

/// <summary>The transform that turns stored pixels into the picture a person sees, for each EXIF orientation.</summary>
internal static class ExifOrientation
{
    /// <summary>Whether the orientation turns the image a quarter turn (or transposes it), swapping width and height.</summary>
    public static bool SwapsAxes(SKEncodedOrigin origin) => origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>
    /// Maps a stored pixel position to its displayed position for an image stored as <paramref name="width"/> x
    /// <paramref name="height"/>. The EXIF names say where the stored first row and first column end up: RightTop
    /// (orientation 6) puts the first row on the right and the first column on top, a quarter turn clockwise.
    /// </summary>
    public static SKMatrix StoredToDisplayed(SKEncodedOrigin origin, int width, int height) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, width, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, width, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, height, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, height, -1, 0, width, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, width, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
