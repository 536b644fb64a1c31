using BlazeFace.PostProcessing;
using BlazeFace.PostProcessing.Projection;
using BlazeFace.Preprocessing;

namespace BlazeFace.Tests.Preprocessing;

public class InputTransformTests
{
    private const double Tolerance = 1e-9;

    [Test]
    public void LetterboxOfLandscapeImageScalesByWidthAndPadsTopAndBottom()
    {
        var t = InputTransform.Create(640, 480, 128, 128, ResizeMode.Letterbox);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(t.ScaleX, Is.EqualTo(0.2).Within(Tolerance));
            Assert.That(t.ScaleY, Is.EqualTo(0.2).Within(Tolerance));
            Assert.That(t.PadX, Is.EqualTo(0).Within(Tolerance));
            Assert.That(t.PadY, Is.EqualTo(16).Within(Tolerance));
        }
    }

    [Test]
    public void LetterboxOfPortraitImageScalesByHeightAndPadsLeftAndRight()
    {
        var t = InputTransform.Create(480, 640, 128, 128, ResizeMode.Letterbox);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(t.ScaleX, Is.EqualTo(0.2).Within(Tolerance));
            Assert.That(t.ScaleY, Is.EqualTo(0.2).Within(Tolerance));
            Assert.That(t.PadX, Is.EqualTo(16).Within(Tolerance));
            Assert.That(t.PadY, Is.EqualTo(0).Within(Tolerance));
        }
    }

    [Test]
    public void StretchScalesEachAxisToFillTheInputWithoutPadding()
    {
        var t = InputTransform.Create(640, 480, 128, 128, ResizeMode.Stretch);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(t.ScaleX, Is.EqualTo(128.0 / 640).Within(Tolerance));
            Assert.That(t.ScaleY, Is.EqualTo(128.0 / 480).Within(Tolerance));
            Assert.That(t.PadX, Is.Zero);
            Assert.That(t.PadY, Is.Zero);
        }
    }

    [Test]
    public void CreateRecordsTheSizesAndMode()
    {
        var t = InputTransform.Create(640, 480, 256, 128, ResizeMode.Stretch);

        Assert.That(
            (t.ImageWidth, t.ImageHeight, t.InputWidth, t.InputHeight, t.Mode),
            Is.EqualTo((640, 480, 256, 128, ResizeMode.Stretch)));
    }

    [TestCase(0, 480, 128, 128, "imageWidth")]
    [TestCase(640, -1, 128, 128, "imageHeight")]
    [TestCase(640, 480, 0, 128, "inputWidth")]
    [TestCase(640, 480, 128, 0, "inputHeight")]
    public void CreateRejectsNonPositiveSizes(int imageWidth, int imageHeight, int inputWidth, int inputHeight, string paramName) =>
        Assert.That(
            () => InputTransform.Create(imageWidth, imageHeight, inputWidth, inputHeight, ResizeMode.Letterbox),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo(paramName));

    [Test]
    public void CreateRejectsAnUndefinedMode() =>
        Assert.That(
            () => InputTransform.Create(640, 480, 128, 128, (ResizeMode)7),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("mode"));

    [Test]
    public void CentreOfTheInputMapsToTheCentreOfTheImage([Values] ResizeMode mode, [Values(640, 480)] int width)
    {
        var t = InputTransform.Create(width, 1120 - width, 128, 128, mode);

        (double x, double y) = t.ToImage(0.5, 0.5);

        Assert.That((x, y), Is.EqualTo((width / 2.0, (1120 - width) / 2.0)).Using<(double X, double Y)>(TupleTolerance));
    }

    [Test]
    public void LetterboxTopLeftOfInputMapsAboveTheImage()
    {
        var t = InputTransform.Create(640, 480, 128, 128, ResizeMode.Letterbox);

        Assert.That(t.ToImage(0, 0), Is.EqualTo((0.0, -80.0)).Using<(double X, double Y)>(TupleTolerance));
    }

    [Test]
    public void ImagePointSurvivesRoundTripThroughNormalisedCoordinates([Values] ResizeMode mode)
    {
        var t = InputTransform.Create(37, 1000, 128, 256, mode);
        (double X, double Y)[] points = [(0, 0), (37, 1000), (12.25, 600.5), (-5, 1200)];

        foreach ((double x, double y) in points)
        {
            (double nx, double ny) = t.ToNormalized(x, y);
            Assert.That(t.ToImage(nx, ny), Is.EqualTo((x, y)).Using<(double X, double Y)>(TupleTolerance));
        }
    }

    [Test]
    public void LetterboxedBoxMapsBackToImagePixels()
    {
        var t = InputTransform.Create(640, 480, 128, 128, ResizeMode.Letterbox);

        FaceBox box = ImageProjection.ToImage(t, new FaceCandidate(0, new FaceBox(0.25f, 0.25f, 0.5f, 0.5f), default), false).BoundingBox;

        Assert.That(box, Is.EqualTo(new FaceBox(160, 80, 320, 320)).Using<FaceBox>(BoxTolerance));
    }

    [Test]
    public void StretchedBoxMapsBackToImagePixels()
    {
        var t = InputTransform.Create(640, 480, 128, 128, ResizeMode.Stretch);

        FaceBox box = ImageProjection.ToImage(t, new FaceCandidate(0, new FaceBox(0.25f, 0.25f, 0.5f, 0.5f), default), false).BoundingBox;

        Assert.That(box, Is.EqualTo(new FaceBox(160, 120, 320, 240)).Using<FaceBox>(BoxTolerance));
    }

    [Test]
    public void ClippingCutsABoxAtTheImageEdges()
    {
        var t = InputTransform.Create(640, 480, 128, 128, ResizeMode.Letterbox);

        // Unclipped this is x -160..480, y -80..320 (it starts in the letterbox border).
        FaceBox box = ImageProjection.ToImage(t, new FaceCandidate(0, new FaceBox(-0.25f, 0f, 1f, 0.625f), default), true).BoundingBox;

        Assert.That(box, Is.EqualTo(new FaceBox(0, 0, 480, 320)).Using<FaceBox>(BoxTolerance));
    }

    [Test]
    public void ClippingCutsABoxAtTheRightAndBottomEdges()
    {
        var t = InputTransform.Create(640, 480, 128, 128, ResizeMode.Stretch);

        FaceBox box = ImageProjection.ToImage(t, new FaceCandidate(0, new FaceBox(0.75f, 0.75f, 0.5f, 0.5f), default), true).BoundingBox;

        Assert.That(box, Is.EqualTo(new FaceBox(480, 360, 160, 120)).Using<FaceBox>(BoxTolerance));
    }

    [Test]
    public void ClippingABoxWhollyOutsideTheImageLeavesItEmpty()
    {
        var t = InputTransform.Create(640, 480, 128, 128, ResizeMode.Stretch);

        FaceBox box = ImageProjection.ToImage(t, new FaceCandidate(0, new FaceBox(1.5f, 0.25f, 0.25f, 0.25f), default), true).BoundingBox;

        Assert.That(box.Area, Is.Zero);
    }

    [Test]
    public void WithoutClippingABoxKeepsItsFullExtent()
    {
        var t = InputTransform.Create(640, 480, 128, 128, ResizeMode.Stretch);

        FaceBox box = ImageProjection.ToImage(t, new FaceCandidate(0, new FaceBox(-0.25f, 0.75f, 0.5f, 0.5f), default), false).BoundingBox;

        Assert.That(box, Is.EqualTo(new FaceBox(-160, 360, 320, 240)).Using<FaceBox>(BoxTolerance));
    }

    [Test]
    public void DetectionKeypointsAreMappedButNeverClipped()
    {
        var t = InputTransform.Create(640, 480, 128, 128, ResizeMode.Letterbox);
        var normalized = new FaceCandidate(0.9f, new FaceBox(0, 0, 1, 1), Keypoints(0.5f, 0.5f, 0f, 0f, 1f, 1f, 0.25f, 0.25f, 0.75f, 0.75f, 1.25f, -0.25f));

        FaceDetection detection = ImageProjection.ToImage(t, normalized, true);

        float[] expected = [320, 240, 0, -80, 640, 560, 160, 80, 480, 400, 800, -240];
        float[] actual = new float[12];
        detection.Keypoints.CopyTo(actual);
        Assert.That(actual, Is.EqualTo(expected).Within(1e-3f));
    }

    [Test]
    public void DetectionBoxIsClippedAndScoreKept()
    {
        var t = InputTransform.Create(640, 480, 128, 128, ResizeMode.Letterbox);
        var normalized = new FaceCandidate(0.75f, new FaceBox(0, 0, 1, 1), Keypoints(new float[12]));

        FaceDetection detection = ImageProjection.ToImage(t, normalized, true);

        Assert.That(detection.Score, Is.EqualTo(0.75f));
        Assert.That(detection.BoundingBox, Is.EqualTo(new FaceBox(0, 0, 640, 480)).Using<FaceBox>(BoxTolerance));
    }

    private static FaceKeypoints Keypoints(params float[] xy) => new(xy);

    private static bool TupleTolerance((double X, double Y) a, (double X, double Y) b) =>
        Math.Abs(a.X - b.X) < 1e-6 && Math.Abs(a.Y - b.Y) < 1e-6;

    private static bool BoxTolerance(FaceBox a, FaceBox b) =>
        Math.Abs(a.X - b.X) < 1e-3 && Math.Abs(a.Y - b.Y) < 1e-3 && Math.Abs(a.Width - b.Width) < 1e-3 && Math.Abs(a.Height - b.Height) < 1e-3;
}
