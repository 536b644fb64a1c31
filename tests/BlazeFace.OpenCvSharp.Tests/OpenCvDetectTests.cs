using BlazeFace.Imaging;
using BlazeFace.Tests.Support;
using OpenCvSharp;

namespace BlazeFace.OpenCvSharp.Tests;

/// <summary><c>detector.Detect(Mat)</c> reads the Mat in place and finds what the core finds on the same pixels.</summary>
public class OpenCvDetectTests
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

    [Test]
    public void A_bgr_mat_gives_the_face_of_the_same_rgb_pixels()
    {
        using Mat bgr = MatImages.Bgr(Photo);

        Assert.That(s_detector.Detect(bgr).Single(), Is.EqualTo(s_expected));
    }

    [Test]
    public void A_bgra_mat_gives_the_same_face()
    {
        using Mat bgra = MatImages.Converted(Photo, ColorConversionCodes.BGR2BGRA);

        Assert.That(s_detector.Detect(bgra).Single(), Is.EqualTo(s_expected));
    }

    [Test]
    public void A_grey_mat_gives_the_face_the_core_finds_in_the_same_grey_bytes()
    {
        using Mat grey = MatImages.Converted(Photo, ColorConversionCodes.BGR2GRAY);
        byte[] bytes = new byte[grey.Rows * grey.Cols];
        grey.GetArray(out byte[] copied);
        copied.CopyTo(bytes, 0);

        Assert.That(s_detector.Detect(grey), Is.EqualTo(s_detector.Detect(new ImageView(bytes, grey.Cols, grey.Rows, ImagePixelFormat.Gray8))));
    }

    [Test]
    public void A_sub_matrix_is_read_in_place_with_results_in_its_own_pixels()
    {
        using Mat photo = MatImages.Bgr(Photo);
        using var canvas = new Mat(Photo.Height + 100, Photo.Width + 150, MatType.CV_8UC3, Scalar.All(0));
        photo.CopyTo(canvas[new Rect(100, 60, Photo.Width, Photo.Height)]);
        using Mat roi = canvas[new Rect(100, 60, Photo.Width, Photo.Height)];

        FaceDetection face = s_detector.Detect(roi).Single();

        Assert.That(roi.IsContinuous(), Is.False);
        Assert.That(face, Is.EqualTo(s_expected));
    }

    [Test]
    public void The_view_is_the_mats_own_memory()
    {
        using Mat bgr = MatImages.Bgr(Photo);
        ImageView view = bgr.AsImageView();

        bgr.Set(0, 0, new Vec3b(1, 2, 3));

        Assert.That(view.GetRow(0)[..3].ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(view.Stride, Is.EqualTo((int)bgr.Step()));
    }

    [Test]
    public void A_mat_converted_to_rgb_is_read_as_rgb_when_asked()
    {
        using Mat rgb = MatImages.Converted(Photo, ColorConversionCodes.BGR2RGB);

        Assert.That(s_detector.Detect(rgb.AsImageView(ImagePixelFormat.Rgb24)).Single(), Is.EqualTo(s_expected));
    }

    [Test]
    public void A_format_with_another_channel_count_is_refused_naming_the_format()
    {
        using Mat bgr = MatImages.Bgr(Photo);

        var error = Assert.Throws<ArgumentException>(() => bgr.AsImageView(ImagePixelFormat.Rgba32));

        Assert.That(error!.ParamName, Is.EqualTo("format"));
    }

    [Test]
    public void The_span_overload_reports_every_face_found_even_when_the_destination_is_too_short()
    {
        using Mat bgr = MatImages.Bgr(Photo);

        int written = s_detector.Detect(bgr, Span<FaceDetection>.Empty, out int found);

        Assert.That((written, found), Is.EqualTo((0, 1)));
    }

    [Test]
    public void The_span_overload_writes_the_face_into_the_destination()
    {
        using Mat bgr = MatImages.Bgr(Photo);
        var faces = new FaceDetection[2];

        Assert.That(s_detector.Detect(bgr, faces, out _), Is.EqualTo(1));
        Assert.That(faces[0], Is.EqualTo(s_expected));
    }

    [TestCase(2, 3, "CV_16UC3")]
    [TestCase(5, 3, "CV_32FC3")]
    [TestCase(1, 3, "CV_8SC3")]
    [TestCase(0, 2, "CV_8UC2")]
    [TestCase(6, 1, "CV_64FC1")]
    public void Other_depths_and_channel_counts_are_refused_naming_the_type(int depth, int channels, string name)
    {
        using var mat = new Mat(8, 8, MatType.MakeType(depth, channels), Scalar.All(0));

        var error = Assert.Throws<ArgumentException>(() => s_detector.Detect(mat));

        Assert.That(error!.ParamName, Is.EqualTo("image"));
        Assert.That(error.Message, Does.Contain(name));
    }

    [Test]
    public void An_empty_mat_is_refused_naming_it()
    {
        using var mat = new Mat();

        var error = Assert.Throws<ArgumentException>(() => s_detector.Detect(mat));

        Assert.That(error!.ParamName, Is.EqualTo("image"));
        Assert.That(error.Message, Does.Contain("empty"));
    }

    [Test]
    public void A_three_dimensional_mat_is_refused_naming_it()
    {
        using var mat = new Mat([4, 4, 4], MatType.CV_8UC1, Scalar.All(0));

        var error = Assert.Throws<ArgumentException>(() => s_detector.Detect(mat));

        Assert.That(error!.ParamName, Is.EqualTo("image"));
    }

    [Test]
    public void A_disposed_mat_is_refused()
    {
        var mat = new Mat(4, 4, MatType.CV_8UC3);
        mat.Dispose();

        Assert.Throws<ObjectDisposedException>(() => s_detector.Detect(mat));
    }

    [Test]
    public void A_null_mat_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentNullException>(() => s_detector.Detect((Mat)null!));

        Assert.That(error!.ParamName, Is.EqualTo("image"));
    }
}
