using BlazeFace.SkiaSharp;
using SkiaSharp;

namespace BlazeFace.Cli.Imaging;

/// <summary>
/// How the CLI reads an image file: SkiaSharp's decoders through <see cref="UprightImage"/>, so EXIF orientation is
/// applied, an image announcing more than <see cref="MaxPixels"/> is refused before any pixel memory is allocated,
/// and a truncated file is refused unless --allow-partial asks for it. The hardening tests drive this same path.
/// </summary>
internal static class ImageFileLoader
{
    private static readonly UprightImageOptions s_whole = new();
    private static readonly UprightImageOptions s_partial = new() { AllowPartialImages = true };

    /// <summary>The largest image the CLI decodes, in pixels: <see cref="UprightImageOptions.MaxPixels"/>'s default.</summary>
    public static long MaxPixels => s_whole.MaxPixels;

    /// <summary>Decodes an image file, upright, as a bitmap <see cref="SkiaFaceDetectorExtensions.AsImageView(SKBitmap)"/> reads in place (Gray8, or the platform's 8888 type opaque or unpremultiplied).</summary>
    /// <param name="path">The file.</param>
    /// <param name="allowPartialImages">Decode a truncated file as far as its data goes instead of refusing it.</param>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened, or is a folder.</exception>
    /// <exception cref="InvalidDataException">The file is not a decodable image, is truncated or corrupt, or is too large.</exception>
    /// <exception cref="InsufficientMemoryException">An image within the limit could not be allocated.</exception>
    public static SKBitmap Load(string path, bool allowPartialImages = false) => UprightImage.Load(path, allowPartialImages ? s_partial : s_whole);

    /// <summary>
    /// Decodes an image file as <see cref="Load(string, bool)"/> does, reduced when <paramref name="minimumSide"/> is
    /// given (a JPEG or WebP at the smallest scale keeping both sides that long, <see cref="UprightImageOptions.MinimumSide"/>).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="allowPartialImages">Decode a truncated file as far as its data goes instead of refusing it.</param>
    /// <param name="minimumSide">The fewest pixels each side of the bitmap needs; null for the full size.</param>
    /// <param name="imageSize">The size of the file's image, upright.</param>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened, or is a folder.</exception>
    /// <exception cref="InvalidDataException">The file is not a decodable image, is truncated or corrupt, or is too large.</exception>
    /// <exception cref="InsufficientMemoryException">An image within the limit could not be allocated.</exception>
    public static SKBitmap Load(string path, bool allowPartialImages, int? minimumSide, out SKSizeI imageSize) =>
        UprightImage.Load(path, new UprightImageOptions { AllowPartialImages = allowPartialImages, MinimumSide = minimumSide }, out imageSize);

    /// <summary>Whether an exception from loading, detecting or writing means "this file could not be read or written" (exit code 2).</summary>
    public static bool IsUnreadable(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or InvalidDataException or InsufficientMemoryException;
}
