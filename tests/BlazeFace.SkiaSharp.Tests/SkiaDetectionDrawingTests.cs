using SkiaSharp;

namespace BlazeFace.SkiaSharp.Tests;

/// <summary><see cref="SkiaDetectionDrawing.DrawDetections(SKCanvas, ReadOnlySpan{FaceDetection}, SkiaDetectionStyle?)"/> on a grey canvas.</summary>
public class SkiaDetectionDrawingTests
{
    private static readonly SKColor Background = new(128, 128, 128);
    private static readonly FaceDetection Face = new(
        0.87f,
        new FaceBox(40, 50, 60, 60),
        new FaceKeypoints([55, 70, 85, 70, 70, 85, 70, 98, 42, 75, 98, 75]));

    private static SKTypeface s_font = null!;

    [OneTimeSetUp]
    public static void LoadFont() =>
        s_font = SKTypeface.FromFile(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fonts", "DejaVuSansDigits.ttf"))
            ?? throw new InvalidOperationException("the label font is missing");

    [OneTimeTearDown]
    public static void DisposeFont() => s_font.Dispose();

    [Test]
    public void The_box_outline_is_drawn_on_its_edges_and_not_inside()
    {
        using SKBitmap bitmap = Draw([Face], new SkiaDetectionStyle { DrawScores = false, DrawKeypoints = false });

        Assert.That(bitmap.GetPixel(70, 50), Is.EqualTo(new SKColor(0, 255, 0)), "top edge");
        Assert.That(bitmap.GetPixel(40, 80), Is.EqualTo(new SKColor(0, 255, 0)), "left edge");
        Assert.That(bitmap.GetPixel(70, 60), Is.EqualTo(Background), "inside");
    }

    [Test]
    public void Each_keypoint_gets_a_dot_of_the_keypoint_colour()
    {
        using SKBitmap bitmap = Draw([Face], new SkiaDetectionStyle { DrawScores = false });

        foreach (FaceKeypoint point in Face.Keypoints)
        {
            Assert.That(bitmap.GetPixel((int)point.X, (int)point.Y), Is.EqualTo(new SKColor(255, 0, 0)), point.Name);
        }
    }

    [Test]
    public void Without_keypoints_the_keypoint_pixels_stay_as_they_were()
    {
        using SKBitmap bitmap = Draw([Face], new SkiaDetectionStyle { DrawScores = false, DrawKeypoints = false });

        Assert.That(bitmap.GetPixel(70, 85), Is.EqualTo(Background));
    }

    [Test]
    public void The_score_label_sits_above_the_box_with_text_in_it()
    {
        using SKBitmap bitmap = Draw([Face], new SkiaDetectionStyle { Typeface = s_font, BoxColor = SKColors.White, ScoreColor = SKColors.Black });

        // The label fills a white band just above the box; the digits "0.87" make some of it dark.
        int white = 0;
        int dark = 0;
        for (int y = 30; y < 50; y++)
        {
            for (int x = 40; x < 75; x++)
            {
                SKColor pixel = bitmap.GetPixel(x, y);
                white += pixel == SKColors.White ? 1 : 0;
                dark += pixel.Red < 96 ? 1 : 0;
            }
        }

        Assert.That(white, Is.GreaterThan(100));
        Assert.That(dark, Is.GreaterThan(20));
    }

    [Test]
    public void A_box_at_the_top_edge_gets_its_label_inside()
    {
        FaceDetection top = Face with { BoundingBox = new FaceBox(40, 0, 60, 60) };

        using SKBitmap bitmap = Draw([top], new SkiaDetectionStyle { Typeface = s_font, DrawKeypoints = false });

        Assert.That(bitmap.GetPixel(60, 8), Is.Not.EqualTo(Background));
    }

    [Test]
    public void A_face_with_a_non_finite_coordinate_is_skipped()
    {
        FaceDetection broken = Face with { BoundingBox = new FaceBox(float.NaN, 50, 60, 60) };

        using SKBitmap bitmap = Draw([broken], new SkiaDetectionStyle { Typeface = s_font });

        Assert.That(bitmap.GetPixel(70, 50), Is.EqualTo(Background));
        Assert.That(bitmap.GetPixel(70, 85), Is.EqualTo(Background));
    }

    [Test]
    public void The_list_overload_draws_what_the_span_overload_draws()
    {
        using SKBitmap fromSpan = Draw([Face], new SkiaDetectionStyle { Typeface = s_font });
        using var fromList = new SKBitmap(160, 140);
        fromList.Erase(Background);
        using (var canvas = new SKCanvas(fromList))
        {
            IReadOnlyList<FaceDetection> faces = [Face];
            canvas.DrawDetections(faces, new SkiaDetectionStyle { Typeface = s_font });
        }

        Assert.That(fromList.GetPixelSpan().SequenceEqual(fromSpan.GetPixelSpan()), Is.True);
    }

    [Test]
    public void A_disposed_canvas_is_refused()
    {
        using var bitmap = new SKBitmap(8, 8);
        var canvas = new SKCanvas(bitmap);
        canvas.Dispose();

        Assert.Throws<ObjectDisposedException>(() => canvas.DrawDetections([Face]));
    }

    [TestCase(0f)]
    [TestCase(-1f)]
    [TestCase(float.NaN)]
    [TestCase(float.PositiveInfinity)]
    public void A_stroke_width_that_is_not_positive_and_finite_is_refused_naming_it(float width)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new SkiaDetectionStyle { StrokeWidth = width });

        Assert.That(error!.ParamName, Is.EqualTo("StrokeWidth"));
    }

    private static SKBitmap Draw(FaceDetection[] faces, SkiaDetectionStyle style)
    {
        var bitmap = new SKBitmap(160, 140);
        bitmap.Erase(Background);
        using var canvas = new SKCanvas(bitmap);
        canvas.DrawDetections(faces, style);
        return bitmap;
    }
}
