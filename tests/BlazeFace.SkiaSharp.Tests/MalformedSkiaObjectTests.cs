using SkiaSharp;

namespace BlazeFace.SkiaSharp.Tests;

/// <summary>
/// Seeded fuzzing of the adapter's inputs: bitmaps, pixmaps and images of every colour and alpha type, zero and odd
/// sizes, short row strides, missing pixel memory, disposed objects. Each call returns faces or throws
/// <see cref="ArgumentException"/> or <see cref="ObjectDisposedException"/>; nothing else escapes, nothing crashes.
/// </summary>
public class MalformedSkiaObjectTests
{
    private const int Cases = 2000;

    private static readonly SKColorType[] ColorTypes = Enum.GetValues<SKColorType>();
    private static readonly SKAlphaType[] AlphaTypes = Enum.GetValues<SKAlphaType>();

    [Test]
    public void Random_bitmaps_give_faces_or_a_documented_exception()
    {
        var random = new Random(20240611);
        using var detector = new FaceDetector();
        var outcomes = new Dictionary<string, int>();
        for (int i = 0; i < Cases; i++)
        {
            string outcome = Attempt(() =>
            {
                using SKBitmap bitmap = RandomBitmap(random, out bool dispose);
                if (dispose)
                {
                    bitmap.Dispose();
                }

                return random.Next(3) switch
                {
                    0 => detector.Detect(bitmap).Count,
                    1 => DetectPixmap(detector, bitmap),
                    _ => DetectImage(detector, bitmap),
                };
            });
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        TestContext.Out.WriteLine(string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}")));
        Assert.That(outcomes.Keys, Is.SubsetOf(new[] { "faces", nameof(ArgumentException), nameof(ObjectDisposedException) }));
        Assert.That(outcomes.GetValueOrDefault("faces"), Is.GreaterThan(Cases / 10), "the generator also makes valid bitmaps");
    }

    private static int DetectPixmap(FaceDetector detector, SKBitmap bitmap)
    {
        if (bitmap.Handle == IntPtr.Zero)
        {
            return detector.Detect((SKBitmap)bitmap).Count;
        }

        using SKPixmap pixmap = bitmap.PeekPixels() ?? new SKPixmap();
        return detector.Detect(pixmap).Count;
    }

    private static int DetectImage(FaceDetector detector, SKBitmap bitmap)
    {
        if (bitmap.Handle == IntPtr.Zero || bitmap.PeekPixels() is not { } pixels)
        {
            return detector.Detect((SKBitmap)bitmap).Count;
        }

        using (pixels)
        using (SKImage? image = SKImage.FromPixels(pixels))
        {
            return image is null ? detector.Detect((SKBitmap)bitmap).Count : detector.Detect(image).Count;
        }
    }

    private static SKBitmap RandomBitmap(Random random, out bool dispose)
    {
        dispose = random.Next(12) == 0;
        int width = random.Next(5) == 0 ? random.Next(-2, 2) : random.Next(1, 97);
        int height = random.Next(5) == 0 ? random.Next(-2, 2) : random.Next(1, 97);
        SKColorType colorType = ColorTypes[random.Next(ColorTypes.Length)];
        SKAlphaType alphaType = AlphaTypes[random.Next(AlphaTypes.Length)];
        var info = new SKImageInfo(Math.Max(width, 0), Math.Max(height, 0), colorType, alphaType);
        var bitmap = new SKBitmap();
        switch (random.Next(4))
        {
            case 0:
                return bitmap; // no pixels at all
            case 1:
                // Pixels described but installed at address zero: what a caller's bad interop looks like.
                bitmap.InstallPixels(info, IntPtr.Zero, Math.Max(info.RowBytes, 0));
                return bitmap;
            default:
                if (bitmap.TryAllocPixels(info))
                {
                    Span<byte> bytes = bitmap.GetPixelSpan();
                    random.NextBytes(bytes);
                }

                return bitmap;
        }
    }

    private static string Attempt(Func<int> detect)
    {
        try
        {
            detect();
            return "faces";
        }
        catch (ArgumentException)
        {
            return nameof(ArgumentException);
        }
        catch (ObjectDisposedException)
        {
            return nameof(ObjectDisposedException);
        }
#pragma warning disable CA1031 // Any other exception is the failure this test looks for; it is reported by type.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}
