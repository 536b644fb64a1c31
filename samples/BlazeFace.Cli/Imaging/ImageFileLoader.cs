using BlazeFace.SkiaSharp;
using SkiaSharp;

namespace BlazeFace.Cli.Imaging;

/// <summary>
/// How the CLI reads an image file: SkiaSharp's decoders through <see cref="UprightImage"/>, so EXIF orientation is
/// applied and an image announcing more than <see cref="MaxPixels"/> is refused before any pixel memory is allocated.
/// The hardening tests drive this same path.
/// </summary>
internal static class ImageFileLoader
{
    private static readonly UprightImageOptions s_options = new();

    /// <summary>The largest image the CLI decodes, in pixels: <see cref="UprightImageOptions.MaxPixels"/>'s default.</summary>
    public static long MaxPixels => s_options.MaxPixels;

    /// <summary>Decodes an image file, upright.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened.</exception>
    /// <exception cref="InvalidDataException">The file is not a decodable image, is truncated or corrupt, or is too large.</exception>
    /// <exception cref="InsufficientMemoryException">An image within the limit could not be allocated.</exception>
    public static SKBitmap Load(string path) => UprightImage.Load(path, s_options);

    /// <summary>Whether an exception from loading, detecting or writing means "this file could not be read or written" (exit code 2).</summary>
    public static bool IsUnreadable(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or InvalidDataException or InsufficientMemoryException;
}
