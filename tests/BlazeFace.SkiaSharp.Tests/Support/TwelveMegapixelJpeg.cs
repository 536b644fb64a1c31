using BlazeFace.Tests.Support;
using SkiaSharp;

namespace BlazeFace.SkiaSharp.Tests.Support;

/// <summary>
/// A bundled photo as a 12-megapixel JPEG: scaled up to cover 4000 x 3000 (centre crop, Mitchell cubic) and encoded
/// at quality 90; with grain, deterministic noise (standard deviation 6.5 levels) gives the file a real photo's
/// entropy, as benchmarks/photo-library/make_photo_library.py does for the throughput benchmark.
/// </summary>
internal static class TwelveMegapixelJpeg
{
    public const int Width = 4000;
    public const int Height = 3000;

    /// <summary>The encoded file's bytes.</summary>
    /// <param name="photo">The raw photo fixture.</param>
    /// <param name="grainSeed">Seeds the grain; null for none.</param>
    public static byte[] From(RgbImage photo, int? grainSeed)
    {
        using SKBitmap small = SkiaBitmaps.Rgba(photo);
        using var large = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        float scale = Math.Max((float)Width / photo.Width, (float)Height / photo.Height);
        using (var canvas = new SKCanvas(large))
        using (SKImage source = SKImage.FromBitmap(small))
        {
            float width = photo.Width * scale, height = photo.Height * scale;
            var destination = SKRect.Create((Width - width) / 2, (Height - height) / 2, width, height);
            canvas.DrawImage(source, destination, new SKSamplingOptions(SKCubicResampler.Mitchell));
        }

        if (grainSeed is int seed)
        {
            AddGrain(large.GetPixelSpan(), seed);
        }
        using SKData jpeg = large.Encode(SKEncodedImageFormat.Jpeg, 90);
        return jpeg.ToArray();
    }

    /// <summary>Adds grain to the colour channels, the same on every run.</summary>
    private static void AddGrain(Span<byte> rgba, int seed)
    {
        var random = new Random(seed);
        Span<byte> noise = stackalloc byte[4096];
        for (int start = 0; start < rgba.Length; start += noise.Length)
        {
            random.NextBytes(noise);
            int end = Math.Min(rgba.Length, start + noise.Length);
            for (int i = start; i < end; i++)
            {
                if ((i & 3) != 3)
                {
                    // Two 4-bit uniforms summed: a triangular distribution from -15 to 15 levels, standard deviation 6.5.
                    int value = (noise[i - start] & 15) + (noise[i - start] >> 4) - 15;
                    rgba[i] = (byte)Math.Clamp(rgba[i] + value, 0, 255);
                }
            }
        }
    }
}
