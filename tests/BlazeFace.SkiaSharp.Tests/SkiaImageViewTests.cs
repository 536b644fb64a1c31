using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BlazeFace.Alignment;
using BlazeFace.Imaging;
using BlazeFace.SkiaSharp.Tests.Support;
using BlazeFace.Tests.Support;
using SkiaSharp;

namespace BlazeFace.SkiaSharp.Tests;

/// <summary>
/// What the raw path offers reaches Skia users too: <c>bitmap.AsImageView()</c> (the pixels in place, for the tracker,
/// the aligner and the search options) and <c>detector.Detect(bitmap, options)</c>, with results the core gives on
/// the same pixels.
/// </summary>
public class SkiaImageViewTests
{
    private static readonly RgbImage Photo = TestImages.Load("astronaut.png");
    private static FaceDetector s_detector = null!;

    [OneTimeSetUp]
    public static void CreateDetector() => s_detector = new FaceDetector();

    [OneTimeTearDown]
    public static void DisposeDetector() => s_detector.Dispose();

    private static IEnumerable<TestCaseData> Searches()
    {
        yield return new TestCaseData(new ImageProcessingOptions { RotationDegrees = 90 }).SetArgDisplayNames("quarter turn");
        yield return new TestCaseData(new ImageProcessingOptions { RegionOfInterest = new System.Drawing.Rectangle(100, 50, 300, 300), RotationDegrees = 20 }).SetArgDisplayNames("turned region");
        yield return new TestCaseData(new ImageProcessingOptions { AutoRotate = true }).SetArgDisplayNames("automatic orientation");
        yield return new TestCaseData(new ImageProcessingOptions { Tiling = TilingOptions.Default }).SetArgDisplayNames("tiled");
    }

    [TestCase(SKColorType.Rgba8888)]
    [TestCase(SKColorType.Bgra8888)]
    [TestCase(SKColorType.Rgb888x)]
    [TestCase(SKColorType.Gray8)]
    public void AsImageView_reads_a_bitmap_in_its_own_memory(SKColorType colorType)
    {
        using SKBitmap bitmap = SkiaBitmaps.As(Photo, colorType);

        ImageView view = bitmap.AsImageView();

        Assert.That(Unsafe.AreSame(ref MemoryMarshal.GetReference(view.Pixels), ref MemoryMarshal.GetReference(bitmap.GetPixelSpan())), Is.True, "no copy");

        Assert.That((view.Width, view.Height, view.Stride), Is.EqualTo((bitmap.Width, bitmap.Height, bitmap.RowBytes)));
        Assert.That(s_detector.Detect(view), Is.EqualTo(s_detector.Detect(bitmap)));
    }

    [Test]
    public void AsImageView_of_a_pixmap_is_the_pixmaps_memory()
    {
        using SKBitmap bitmap = SkiaBitmaps.Rgba(Photo);
        using SKPixmap pixmap = bitmap.PeekPixels();

        Assert.That(s_detector.Detect(pixmap.AsImageView()), Is.EqualTo(s_detector.Detect(Photo.AsView())));
    }

    [TestCase(SKColorType.Rgb565, SKAlphaType.Opaque, "Rgb565")]
    [TestCase(SKColorType.RgbaF16, SKAlphaType.Unpremul, "RgbaF16")]
    [TestCase(SKColorType.Rgba8888, SKAlphaType.Premul, "premultiplied")]
    public void AsImageView_refuses_pixels_that_need_a_conversion_naming_bitmap(SKColorType colorType, SKAlphaType alphaType, string named)
    {
        using SKBitmap bitmap = SkiaBitmaps.Filled(64, 48, colorType, alphaType, new SKColor(200, 100, 50, 128));

        var error = Assert.Throws<ArgumentException>(() => bitmap.AsImageView());

        Assert.That(error!.ParamName, Is.EqualTo("bitmap"));
        Assert.That(error.Message, Does.Contain(named));
    }

    [Test]
    public void AsImageView_refuses_null_and_disposed_bitmaps()
    {
        var disposed = new SKBitmap(8, 8);
        disposed.Dispose();

        Assert.That(() => ((SKBitmap)null!).AsImageView(), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("bitmap"));
        Assert.That(() => disposed.AsImageView(), Throws.InstanceOf<ObjectDisposedException>());
    }

    [TestCaseSource(nameof(Searches))]
    public void Detect_with_options_finds_what_the_core_finds_on_the_same_pixels(ImageProcessingOptions options)
    {
        using SKBitmap bitmap = SkiaBitmaps.Rgba(Photo);
        FaceDetection[] expected = [.. s_detector.Detect(Photo.AsView(), options)];

        Assert.That(s_detector.Detect(bitmap, options), Is.EqualTo(expected));
        var faces = new FaceDetection[8];
        int written = s_detector.Detect(bitmap, faces, out int found, options);
        Assert.That((found, faces[..written]), Is.EqualTo((expected.Length, expected)));
    }

    [Test]
    public void Detect_with_options_converts_a_colour_type_the_view_cannot_read()
    {
        using SKBitmap rgb565 = SkiaBitmaps.As(Photo, SKColorType.Rgb565);
        using SKBitmap rgba = rgb565.Copy(SKColorType.Rgba8888);
        var options = new ImageProcessingOptions { RotationDegrees = 90 };

        Assert.That(s_detector.Detect(rgb565, options), Is.EqualTo(s_detector.Detect(rgba.AsImageView(), options)));
    }

    [Test]
    public void The_view_serves_the_tracker_and_the_aligner()
    {
        using SKBitmap bitmap = SkiaBitmaps.Rgba(Photo);
        var tracker = new FaceTracker(s_detector, new FaceTrackerOptions { MinHits = 1 });

        TrackedFace face = tracker.Track(bitmap.AsImageView(), TimeSpan.Zero).Single();
        ImageBuffer crop = new FaceAligner().Align(bitmap.AsImageView(), face.Detection!.Value);

        Assert.That(face.Detection, Is.EqualTo(s_detector.Detect(Photo.AsView()).Single()));
        Assert.That((crop.Width, crop.Height), Is.EqualTo((128, 128)));
    }

    [Test]
    public void A_large_converted_image_leaves_no_buffer_alive_after_the_call()
    {
        // 12000 x 12000 Rgb565 converts to 576 MB of RGBA; the shared pool would have kept it (as a 1 GiB array).
        using var bitmap = new SKBitmap(new SKImageInfo(12_000, 12_000, SKColorType.Rgb565, SKAlphaType.Opaque));
        bitmap.Erase(new SKColor(90, 120, 150));
        long before = AllocationProbe.LiveBytesAfterFullCollection();

        Assert.That(s_detector.Detect(bitmap), Is.Empty);

        long growth = AllocationProbe.LiveBytesAfterFullCollection() - before;
        Assert.That(growth, Is.LessThan(64L * 1024 * 1024), $"{growth:N0} bytes still alive");
    }
}
