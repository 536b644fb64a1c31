using BlazeFace.Tests.Support;
using SkiaSharp;

namespace BlazeFace.SkiaSharp.Tests.Support;

/// <summary>Bitmaps built from the raw photo fixtures, in any colour type, converted by Skia itself.</summary>
internal static class SkiaBitmaps
{
    /// <summary>The photo as an opaque RGBA8888 bitmap: the same RGB values as the Rgb24 fixture.</summary>
    public static SKBitmap Rgba(RgbImage photo, SKAlphaType alphaType = SKAlphaType.Opaque)
    {
        var bitmap = new SKBitmap(new SKImageInfo(photo.Width, photo.Height, SKColorType.Rgba8888, alphaType));
        Span<byte> pixels = bitmap.GetPixelSpan();
        for (int i = 0, j = 0; i < photo.Pixels.Length; i += 3, j += 4)
        {
            pixels[j] = photo.Pixels[i];
            pixels[j + 1] = photo.Pixels[i + 1];
            pixels[j + 2] = photo.Pixels[i + 2];
            pixels[j + 3] = 255;
        }

        return bitmap;
    }

    /// <summary>The photo converted by Skia to <paramref name="colorType"/>.</summary>
    public static SKBitmap As(RgbImage photo, SKColorType colorType, SKAlphaType alphaType = SKAlphaType.Opaque)
    {
        using SKBitmap rgba = Rgba(photo);
        var converted = new SKBitmap(new SKImageInfo(photo.Width, photo.Height, colorType, alphaType));
        Assert.That(rgba.PeekPixels().ReadPixels(converted.PeekPixels()), Is.True, $"Skia converts RGBA8888 to {colorType}");
        return converted;
    }

    /// <summary>A one-colour bitmap of any colour type, written through Skia's own pixel conversion.</summary>
    public static SKBitmap Filled(int width, int height, SKColorType colorType, SKAlphaType alphaType, SKColor color)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, colorType, alphaType));
        bitmap.Erase(color);
        return bitmap;
    }

    public static string Fixture(string relative) => Path.Combine(TestContext.CurrentContext.TestDirectory, "ImageFixtures", relative);
}
