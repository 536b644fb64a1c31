using SkiaSharp;

namespace BlazeFace.SkiaSharp.Tests.Support;

/// <summary>How far two decoded images are apart, channel by channel (RGB, as 8-bit straight colour).</summary>
internal readonly record struct PixelDifference(double Mean, int Max)
{
    public static PixelDifference Between(SKBitmap actual, SKBitmap expected)
    {
        Assert.That((actual.Width, actual.Height), Is.EqualTo((expected.Width, expected.Height)), "sizes");
        using SKBitmap a = Rgba(actual);
        using SKBitmap e = Rgba(expected);
        ReadOnlySpan<byte> x = a.GetPixelSpan();
        ReadOnlySpan<byte> y = e.GetPixelSpan();
        long sum = 0;
        int max = 0;
        long count = 0;
        for (int i = 0; i < x.Length; i += 4)
        {
            for (int c = 0; c < 3; c++)
            {
                int d = Math.Abs(x[i + c] - y[i + c]);
                sum += d;
                max = Math.Max(max, d);
                count++;
            }
        }

        return new PixelDifference((double)sum / count, max);
    }

    private static SKBitmap Rgba(SKBitmap source)
    {
        var rgba = new SKBitmap(new SKImageInfo(source.Width, source.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Assert.That(source.PeekPixels().ReadPixels(rgba.PeekPixels()), Is.True);
        return rgba;
    }
}
