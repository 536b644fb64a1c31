using BlazeFace.SkiaSharp.Tests.Support;
using BlazeFace.Tests.Support;
using SkiaSharp;

namespace BlazeFace.SkiaSharp.Tests;

/// <summary>
/// <c>detector.Detect(SKBitmap / SKPixmap / SKImage)</c> finds what the core finds on the same pixels: exactly for
/// colour types that hold the photo's 8-bit values, closely for the ones that round them.
/// </summary>
public class SkiaDetectTests
{
    private static readonly RgbImage Photo = TestImages.Load("astronaut.png");
    private static FaceDetector s_detector = null!;
    private static FaceDetection s_expected;

    [OneTimeSetUp]
    public static void DetectOnRawPixels()
    {
        s_detector = new FaceDetector();
        s_expected = s_detector.Detect(Photo.AsView()).Single();
    }

    [OneTimeTearDown]
    public static void DisposeDetector() => s_detector.Dispose();

    [TestCase(SKColorType.Rgba8888)]
    [TestCase(SKColorType.Bgra8888)]
    [TestCase(SKColorType.Rgb888x)]
    [TestCase(SKColorType.RgbaF16)]
    [TestCase(SKColorType.RgbaF32)]
    [TestCase(SKColorType.Rgba16161616)]
    public void Colour_types_that_keep_8_bit_values_give_the_same_face(SKColorType colorType)
    {
        using SKBitmap bitmap = SkiaBitmaps.As(Photo, colorType);

        FaceDetection face = s_detector.Detect(bitmap).Single();

        Assert.That(face, Is.EqualTo(s_expected));
    }

    [TestCase(SKColorType.Rgb565)]
    [TestCase(SKColorType.Argb4444)]
    [TestCase(SKColorType.Rgba1010102)]
    public void Colour_types_that_round_colours_give_nearly_the_same_face(SKColorType colorType)
    {
        using SKBitmap bitmap = SkiaBitmaps.As(Photo, colorType);

        FaceDetection face = s_detector.Detect(bitmap).Single();

        Assert.That(face.BoundingBox.IntersectionOverUnion(s_expected.BoundingBox), Is.GreaterThan(0.9f));
        Assert.That(face.Score, Is.EqualTo(s_expected.Score).Within(0.05f));
    }

    [Test]
    public void A_grey_bitmap_gives_the_face_the_core_finds_in_the_same_grey_bytes()
    {
        using SKBitmap grey = SkiaBitmaps.As(Photo, SKColorType.Gray8);
        var view = new Imaging.ImageView(grey.GetPixelSpan(), grey.Width, grey.Height, Imaging.ImagePixelFormat.Gray8, grey.RowBytes);

        Assert.That(s_detector.Detect(grey), Is.EqualTo(s_detector.Detect(view)));
    }

    [Test]
    public void A_premultiplied_opaque_bitmap_gives_the_same_face()
    {
        using SKBitmap bitmap = SkiaBitmaps.Rgba(Photo, SKAlphaType.Premul);

        Assert.That(s_detector.Detect(bitmap).Single(), Is.EqualTo(s_expected));
    }

    [Test]
    public void A_bitmap_with_padded_rows_gives_the_same_face()
    {
        using SKBitmap tight = SkiaBitmaps.Rgba(Photo);
        using var padded = new SKBitmap(tight.Info, tight.RowBytes + 64);
        Assert.That(tight.PeekPixels().ReadPixels(padded.PeekPixels()), Is.True);

        Assert.That(s_detector.Detect(padded).Single(), Is.EqualTo(s_expected));
    }

    [Test]
    public void A_pixmap_gives_the_same_face()
    {
        using SKBitmap bitmap = SkiaBitmaps.Rgba(Photo);
        using SKPixmap pixmap = bitmap.PeekPixels();

        Assert.That(s_detector.Detect(pixmap).Single(), Is.EqualTo(s_expected));
    }

    [Test]
    public void An_encoded_image_gives_the_same_face_as_its_decoded_bitmap()
    {
        using SKBitmap bitmap = SkiaBitmaps.Rgba(Photo);
        using SKData png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        using SKImage image = SKImage.FromEncodedData(png);

        Assert.That(s_detector.Detect(image).Single(), Is.EqualTo(s_expected));
    }

    [Test]
    public void The_span_overload_reports_every_face_found_even_when_the_destination_is_too_short()
    {
        using SKBitmap bitmap = SkiaBitmaps.Rgba(Photo);

        int written = s_detector.Detect(bitmap, Span<FaceDetection>.Empty, out int found);

        Assert.That((written, found), Is.EqualTo((0, 1)));
    }

    [Test]
    public void The_span_overload_writes_the_face_into_the_destination()
    {
        using SKBitmap bitmap = SkiaBitmaps.Rgba(Photo);
        var faces = new FaceDetection[4];

        int written = s_detector.Detect(bitmap, faces, out _);

        Assert.That(written, Is.EqualTo(1));
        Assert.That(faces[0], Is.EqualTo(s_expected));
    }

    [Test]
    public void A_null_detector_is_refused()
    {
        using SKBitmap bitmap = SkiaBitmaps.Rgba(Photo);

        Assert.Throws<ArgumentNullException>(() => SkiaFaceDetectorExtensions.Detect(null!, bitmap));
    }

    [Test]
    public void A_null_bitmap_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentNullException>(() => s_detector.Detect((SKBitmap)null!));

        Assert.That(error!.ParamName, Is.EqualTo("bitmap"));
    }
}
