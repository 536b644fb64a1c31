using System.Drawing;
using BlazeFace.Imaging;

namespace BlazeFace.Tests.Drawing;

public class DetectionPainterTests
{
    private const int Width = 50;
    private const int Height = 40;
    private static readonly Rgb Green = new(0, 255, 0);
    private static readonly Rgb Red = new(255, 0, 0);
    private static readonly Rgb Black = new(0, 0, 0);
    private static readonly DetectionPainterOptions BoxesOnly = new() { DrawKeypoints = false };

    [Test]
    public void BoxOutlineCoversAllFourCornerPixels()
    {
        byte[] image = Paint(Box(10, 10, 20, 20), BoxesOnly);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(At(image, 10, 10), Is.EqualTo(Green));
            Assert.That(At(image, 29, 10), Is.EqualTo(Green));
            Assert.That(At(image, 10, 29), Is.EqualTo(Green));
            Assert.That(At(image, 29, 29), Is.EqualTo(Green));
        }
    }

    [Test]
    public void BoxOutlineLeavesTheInsideAndOutsideUntouched()
    {
        byte[] image = Paint(Box(10, 10, 20, 20), BoxesOnly);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(At(image, 20, 20), Is.EqualTo(Black), "interior");
            Assert.That(At(image, 9, 9), Is.EqualTo(Black), "above left");
            Assert.That(At(image, 30, 30), Is.EqualTo(Black), "below right");
            Assert.That(At(image, 30, 20), Is.EqualTo(Black), "right of the right edge");
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(4)]
    public void OutlineIsThicknessPixelsWideInsideTheBox(int thickness)
    {
        byte[] image = Paint(Box(10, 10, 20, 20), new DetectionPainterOptions { Thickness = thickness, DrawKeypoints = false });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(At(image, 10 + thickness - 1, 20), Is.EqualTo(Green), "left band");
            Assert.That(At(image, 10 + thickness, 20), Is.EqualTo(Black), "past left band");
            Assert.That(At(image, 20, 30 - thickness), Is.EqualTo(Green), "bottom band");
            Assert.That(At(image, 20, 29 - thickness), Is.EqualTo(Black), "above bottom band");
        }
    }

    [Test]
    public void BoxThinnerThanTwoOutlinesIsFilled()
    {
        byte[] image = Paint(Box(10, 10, 3, 3), BoxesOnly);

        Assert.That(At(image, 11, 11), Is.EqualTo(Green));
    }

    [Test]
    public void BoxEdgesAreRoundedToTheNearestPixel()
    {
        byte[] image = Paint(Box(9.6f, 10.4f, 10f, 10f), new DetectionPainterOptions { Thickness = 1, DrawKeypoints = false });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(At(image, 10, 10), Is.EqualTo(Green));
            Assert.That(At(image, 9, 10), Is.EqualTo(Black));
            Assert.That(At(image, 19, 19), Is.EqualTo(Green));
            Assert.That(At(image, 20, 19), Is.EqualTo(Black));
        }
    }

    [Test]
    public void KeypointIsAFilledDiscOfTheGivenRadius()
    {
        FaceDetection detection = WithKeypointsAt(Box(0, 0, 0, 0), 25.5f, 20.5f);

        byte[] image = Paint(detection, new DetectionPainterOptions { KeypointRadius = 2 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(At(image, 25, 20), Is.EqualTo(Red), "centre");
            Assert.That(At(image, 27, 20), Is.EqualTo(Red), "radius to the right");
            Assert.That(At(image, 25, 18), Is.EqualTo(Red), "radius above");
            Assert.That(At(image, 26, 21), Is.EqualTo(Red), "diagonal inside");
            Assert.That(At(image, 28, 20), Is.EqualTo(Black), "past the radius");
            Assert.That(At(image, 27, 22), Is.EqualTo(Black), "diagonal corner outside the disc");
        }
    }

    [Test]
    public void KeypointOfRadiusZeroIsOnePixel()
    {
        byte[] image = Paint(WithKeypointsAt(Box(0, 0, 0, 0), 25.5f, 20.5f), new DetectionPainterOptions { KeypointRadius = 0 });

        Assert.That(Enumerable.Range(0, Width * Height).Count(i => At(image, i % Width, i / Width) == Red), Is.EqualTo(1));
    }

    [Test]
    public void KeypointsAreNotDrawnWhenDisabled()
    {
        byte[] image = Paint(WithKeypointsAt(Box(0, 0, 0, 0), 25.5f, 20.5f), BoxesOnly);

        Assert.That(image, Is.All.Zero);
    }

    [Test]
    public void BoxPartlyOutsideTheImageIsClipped()
    {
        byte[] image = Paint(Box(-10, -10, 30, 30), BoxesOnly);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(At(image, 19, 0), Is.EqualTo(Green), "right edge, top row");
            Assert.That(At(image, 0, 19), Is.EqualTo(Green), "bottom edge, left column");
            Assert.That(At(image, 0, 0), Is.EqualTo(Black), "inside the box");
        }
    }

    [Test]
    public void BoxOverlappingTheBottomRightCornerIsClipped()
    {
        byte[] image = Paint(Box(45, 35, 30, 30), BoxesOnly);

        Assert.That(At(image, Width - 1, Height - 1), Is.EqualTo(Black));
        Assert.That(At(image, 45, Height - 1), Is.EqualTo(Green));
    }

    [TestCase(-1000f, -1000f, 10f, 10f)]
    [TestCase(1000f, 10f, 10f, 10f)]
    [TestCase(-1e30f, -1e30f, 3e30f, 3e30f)]
    [TestCase(float.NaN, 10f, 10f, 10f)]
    [TestCase(10f, 10f, float.PositiveInfinity, 10f)]
    [TestCase(10f, 10f, -5f, 10f)]
    public void BoxOutsideTheImageOrNotFiniteDrawsNothing(float x, float y, float width, float height)
    {
        byte[] image = Paint(Box(x, y, width, height), BoxesOnly);

        Assert.That(image, Is.All.Zero);
    }

    [TestCase(float.NaN, 10f)]
    [TestCase(10f, float.NegativeInfinity)]
    [TestCase(1e30f, -1e30f)]
    [TestCase(-3f, 20f)]
    public void KeypointOutsideTheImageOrNotFiniteDrawsNothing(float x, float y)
    {
        byte[] image = Paint(WithKeypointsAt(Box(0, 0, 0, 0), x, y), new DetectionPainterOptions { KeypointRadius = 2 });

        Assert.That(image, Is.All.Zero);
    }

    [Test]
    public void KeypointDiscIsClippedAtTheImageEdge()
    {
        byte[] image = Paint(WithKeypointsAt(Box(0, 0, 0, 0), 0.5f, 0.5f), new DetectionPainterOptions { KeypointRadius = 2 });

        Assert.That(At(image, 0, 0), Is.EqualTo(Red));
    }

    [Test]
    public void Bgr24IsWrittenBlueFirst()
    {
        byte[] pixels = new byte[Width * Height * 3];

        DetectionPainter.Draw(pixels, Width, Height, ImagePixelFormat.Bgr24, 0, [Box(0, 0, 10, 10)], new DetectionPainterOptions { BoxColor = Color.FromArgb(1, 2, 3), DrawKeypoints = false });

        Assert.That(pixels[..3], Is.EqualTo(new byte[] { 3, 2, 1 }));
    }

    [TestCase(ImagePixelFormat.Rgba32, new byte[] { 1, 2, 3, 255 })]
    [TestCase(ImagePixelFormat.Bgra32, new byte[] { 3, 2, 1, 255 })]
    public void FormatsWithAlphaGetOpaqueDrawnPixels(ImagePixelFormat format, byte[] expected)
    {
        byte[] pixels = new byte[Width * Height * 4];

        DetectionPainter.Draw(pixels, Width, Height, format, 0, [Box(0, 0, 10, 10)], new DetectionPainterOptions { BoxColor = Color.FromArgb(1, 2, 3), DrawKeypoints = false });

        Assert.That(pixels[..4], Is.EqualTo(expected));
        Assert.That(pixels[((5 * Width) + 5) * 4], Is.Zero, "interior untouched");
    }

    [Test]
    public void RowPaddingIsLeftUntouched()
    {
        const int stride = (Width * 3) + 7;
        byte[] pixels = new byte[stride * Height];

        DetectionPainter.Draw(pixels, Width, Height, ImagePixelFormat.Rgb24, stride, [Box(-5, -5, Width + 10, Height + 10)], new DetectionPainterOptions { Thickness = 10, DrawKeypoints = false });

        Assert.That(pixels[(Width * 3)..stride], Is.All.Zero);
        Assert.That(At(pixels, Width - 1, 0, stride), Is.EqualTo(Green));
    }

    [Test]
    public void DefaultOptionsDrawAGreenBoxTwoPixelsThickAndRedKeypoints()
    {
        FaceDetection detection = WithKeypointsAt(Box(5, 5, 30, 30), 20.5f, 20.5f);

        byte[] image = Paint(detection, options: null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(At(image, 6, 20), Is.EqualTo(Green));
            Assert.That(At(image, 7, 20), Is.EqualTo(Black));
            Assert.That(At(image, 22, 20), Is.EqualTo(Red));
        }
    }

    [Test]
    public void Gray8IsRejectedNamingFormat()
    {
        byte[] pixels = new byte[Width * Height];

        Assert.That(
            () => DetectionPainter.Draw(pixels, Width, Height, ImagePixelFormat.Gray8, 0, []),
            Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("format").And.Message.Contains("colour format"));
    }

    [Test]
    public void BufferTooShortIsRejectedNamingPixels()
    {
        byte[] pixels = new byte[(Width * Height * 3) - 1];

        Assert.That(
            () => DetectionPainter.Draw(pixels, Width, Height, ImagePixelFormat.Rgb24, 0, []),
            Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("pixels"));
    }

    [Test]
    public void StrideShorterThanARowIsRejectedNamingStride()
    {
        byte[] pixels = new byte[Width * Height * 3];

        Assert.That(
            () => DetectionPainter.Draw(pixels, Width, Height, ImagePixelFormat.Rgb24, Width, []),
            Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("stride"));
    }

    private static byte[] Paint(FaceDetection detection, DetectionPainterOptions? options)
    {
        byte[] pixels = new byte[Width * Height * 3];
        DetectionPainter.Draw(pixels, Width, Height, ImagePixelFormat.Rgb24, 0, [detection], options);
        return pixels;
    }

    private static Rgb At(byte[] pixels, int x, int y, int stride = Width * 3)
    {
        int i = (y * stride) + (x * 3);
        return new Rgb(pixels[i], pixels[i + 1], pixels[i + 2]);
    }

    private static FaceDetection Box(float x, float y, float width, float height) =>
        new(1f, new FaceBox(x, y, width, height), new FaceKeypoints(new float[2 * FaceKeypoints.Count]));

    private static FaceDetection WithKeypointsAt(FaceDetection detection, float x, float y)
    {
        float[] xy = new float[2 * FaceKeypoints.Count];
        for (int i = 0; i < xy.Length; i += 2)
        {
            (xy[i], xy[i + 1]) = (x, y);
        }

        return detection with { Keypoints = new FaceKeypoints(xy) };
    }
}
