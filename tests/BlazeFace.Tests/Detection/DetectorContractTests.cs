using BlazeFace.Imaging;
using BlazeFace.PostProcessing;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Detection;

/// <summary>What a user of the public API is promised beyond the detections themselves: errors, counts, conveniences.</summary>
public class DetectorContractTests
{
    [TestCase(nameof(FaceDetectorOptions.MinScore))]
    [TestCase(nameof(FaceDetectorOptions.IouThreshold))]
    [TestCase(nameof(FaceDetectorOptions.MaxFaces))]
    [TestCase(nameof(FaceDetectorOptions.ResizeMode))]
    [TestCase(nameof(FaceDetectorOptions.NonMaxSuppression))]
    public void An_option_out_of_range_is_reported_under_the_options_own_name(string option)
    {
        FaceDetectorOptions options = option switch
        {
            nameof(FaceDetectorOptions.MinScore) => new() { MinScore = 1.5f },
            nameof(FaceDetectorOptions.IouThreshold) => new() { IouThreshold = float.NaN },
            nameof(FaceDetectorOptions.MaxFaces) => new() { MaxFaces = 0 },
            nameof(FaceDetectorOptions.ResizeMode) => new() { ResizeMode = (ResizeMode)7 },
            _ => new() { NonMaxSuppression = (NonMaxSuppressionKind)7 },
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new FaceDetector(options));
        Assert.That(error!.ParamName, Is.EqualTo(option));
    }

    [TestCase(-1)]
    [TestCase(int.MaxValue)]
    public void A_decoder_that_returns_an_impossible_count_is_reported_as_a_broken_stage(int count)
    {
        using var detector = new FaceDetector(new FaceDetectorOptions { AnchorDecoder = new CountingDecoder(count) });

        var error = Assert.Throws<InvalidOperationException>(() => detector.Detect(TestImages.Load("astronaut.png").AsView()));
        Assert.That(error!.Message, Does.Contain("anchor decoder").And.Contain(nameof(CountingDecoder)).And.Contain(count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCase(-3)]
    [TestCase(101)]
    public void A_suppression_that_returns_an_impossible_count_is_reported_as_a_broken_stage(int count)
    {
        using var detector = new FaceDetector(new FaceDetectorOptions { CustomNonMaxSuppression = new CountingSuppression(count) });

        var error = Assert.Throws<InvalidOperationException>(() => detector.Detect(TestImages.Load("astronaut.png").AsView()));
        Assert.That(error!.Message, Does.Contain("non-maximum suppression").And.Contain(nameof(CountingSuppression)));
    }

    [Test]
    public void The_span_overload_reports_how_many_faces_it_found_when_the_destination_is_too_short()
    {
        using var detector = new FaceDetector();
        RgbImage image = TestImages.Load("group_mosaic.png");
        Span<FaceDetection> one = new FaceDetection[1];

        int written = detector.Detect(image.AsView(), one, out int found);

        Assert.That(found, Is.EqualTo(3), "the photo has three faces");
        Assert.That(written, Is.EqualTo(1));
        Assert.That(one[0], Is.EqualTo(detector.Detect(image.AsView())[0]), "the best face is the one kept");
    }

    [Test]
    public void A_failure_inside_a_batch_surfaces_as_itself_not_as_an_aggregate()
    {
        using var detector = new FaceDetector(new FaceDetectorOptions { AnchorDecoder = new CountingDecoder(-1) });
        ImageBuffer image = TestImages.Load("astronaut.png").AsBuffer();

        Assert.Throws<InvalidOperationException>(() => detector.DetectBatch([image, image, image], 2));
    }

    [Test]
    public void A_batch_on_a_disposed_detector_throws_object_disposed()
    {
        var detector = new FaceDetector();
        detector.Dispose();

        Assert.Throws<ObjectDisposedException>(() => detector.DetectBatch([TestImages.Load("astronaut.png").AsBuffer()]));
    }

    [Test]
    public void A_default_image_in_a_batch_is_an_argument_error_naming_its_index()
    {
        using var detector = new FaceDetector();
        ImageBuffer image = TestImages.Load("astronaut.png").AsBuffer();

        var error = Assert.Throws<ArgumentException>(() => detector.DetectBatch([image, default]));
        Assert.That(error!.ParamName, Is.EqualTo("images"));
        Assert.That(error.Message, Does.Contain("images[1]"));
    }

    [Test]
    public void Image_buffers_go_in_as_views_and_in_batches()
    {
        using var detector = new FaceDetector();
        ImageBuffer image = TestImages.Load("astronaut.png").AsBuffer();

        Assert.That(detector.Detect(image), Has.Count.EqualTo(1));
        Assert.That(detector.DetectBatch([image, image]).Select(faces => faces.Count), Is.EqualTo(new[] { 1, 1 }));
    }

    [Test]
    public void A_detection_prints_its_keypoints_by_name()
    {
        using var detector = new FaceDetector();
        FaceDetection face = detector.Detect(TestImages.Load("astronaut.png").AsView())[0];

        Assert.That(face.ToString(), Does.Contain("right_eye (").And.Contain("left_ear_tragion (").And.Not.Contain(nameof(FaceKeypoints)));
    }

    [Test]
    public void Detections_from_the_list_overload_can_be_drawn_directly()
    {
        using var detector = new FaceDetector();
        RgbImage image = TestImages.Load("astronaut.png");
        IReadOnlyList<FaceDetection> faces = detector.Detect(image.AsView());
        byte[] pixels = (byte[])image.Pixels.Clone();

        DetectionPainter.Draw(pixels, image.Width, image.Height, ImagePixelFormat.Rgb24, 0, faces);

        Assert.That(pixels, Is.Not.EqualTo(image.Pixels));
    }

    private sealed class CountingDecoder(int count) : IAnchorDecoder
    {
        public int Decode(BlazeFaceModel model, ReadOnlySpan<float> regressors, ReadOnlySpan<float> scoreLogits, float minScore, Span<FaceCandidate> destination) => count;
    }

    private sealed class CountingSuppression(int count) : INonMaxSuppression
    {
        public int Suppress(Span<FaceCandidate> candidates, Span<FaceCandidate> destination) => count;
    }
}
