using BlazeFace.Imaging;
using SkiaSharp;

namespace BlazeFace.Cli.Imaging;

/// <summary>
/// A bitmap from <see cref="ImageFileLoader"/> as an <see cref="ImageView"/> over its own memory, for the detector's
/// overloads that take search options and for <see cref="BlazeFace.Alignment.FaceAligner"/>. The loader decodes to
/// Gray8 or the platform's 8888 colour type, opaque or unpremultiplied, which the core reads in place.
/// </summary>
internal static class DecodedPixels
{
    /// <summary>The bitmap's pixels; valid while the bitmap lives and is not changed.</summary>
    /// <exception cref="InvalidDataException">The bitmap is in a colour type or alpha type the loader does not produce.</exception>
    public static ImageView View(SKBitmap bitmap)
    {
        SKImageInfo info = bitmap.Info;
        ImagePixelFormat format = info.ColorType switch
        {
            SKColorType.Rgba8888 => ImagePixelFormat.Rgba32,
            SKColorType.Bgra8888 => ImagePixelFormat.Bgra32,
            SKColorType.Gray8 => ImagePixelFormat.Gray8,
            _ => throw new InvalidDataException($"The image was decoded as {info.ColorType}, which the CLI does not read."),
        };
        if (info.AlphaType == SKAlphaType.Premul && format != ImagePixelFormat.Gray8)
        {
            throw new InvalidDataException("The image was decoded with premultiplied alpha, which the CLI does not read.");
        }

        return new ImageView(bitmap.GetPixelSpan(), info.Width, info.Height, format, bitmap.RowBytes);
    }
}
