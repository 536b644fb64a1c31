using BlazeFace.Imaging;
using SkiaSharp;

namespace BlazeFace.Cli.Imaging;

/// <summary>
/// A decoded image as a tightly packed Rgb24 buffer: the frame <c>bench</c> measures, the same input (format and
/// pixels) that earlier versions of the CLI timed, so its figures stay comparable.
/// </summary>
internal static class Rgb24Frame
{
    public static ImageBuffer From(SKBitmap image)
    {
        // Skia has no 3-byte colour type: read the pixels as RGBA, then drop every fourth byte.
        using SKBitmap rgba = image.Copy(SKColorType.Rgba8888)
            ?? throw new InvalidDataException($"The {image.ColorType} image cannot be converted to RGBA.");
        ReadOnlySpan<byte> source = rgba.GetPixelSpan();
        byte[] pixels = new byte[image.Width * image.Height * 3];
        for (int y = 0; y < image.Height; y++)
        {
            ReadOnlySpan<byte> row = source.Slice(y * rgba.RowBytes, image.Width * 4);
            Span<byte> target = pixels.AsSpan(y * image.Width * 3, image.Width * 3);
            for (int x = 0; x < image.Width; x++)
            {
                target[(3 * x) + 0] = row[(4 * x) + 0];
                target[(3 * x) + 1] = row[(4 * x) + 1];
                target[(3 * x) + 2] = row[(4 * x) + 2];
            }
        }

        return new ImageBuffer(pixels, image.Width, image.Height, ImagePixelFormat.Rgb24);
    }
}
