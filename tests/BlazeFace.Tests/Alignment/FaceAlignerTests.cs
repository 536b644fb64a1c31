using BlazeFace.Alignment;
using BlazeFace.Imaging;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Alignment;

/// <summary>Aligned crops: upright, scaled by the eye distance, centred between the eyes and the mouth.</summary>
public class FaceAlignerTests
{
    private static readonly FaceAligner Aligner = new();

    // The frontal faces of the bundled photos. Their keypoints come from the back-camera model, whose 256-pixel input
    // gives the steadiest eyes on these portraits: the crop can only be as level as the eyes it is turned by (the
    // short-range model reads the astronaut's eye line 6-9° off the other two models, and a crop turned by it is off by
    // as much). The crop is then searched with the short-range model, which is made for faces that fill the frame.
    private static IEnumerable<TestCaseData> FrontalFaces()
    {
        yield return new TestCaseData("astronaut.png", 0, 0).SetArgDisplayNames("astronaut");
        yield return new TestCaseData("grace_hopper.png", 0, 0).SetArgDisplayNames("grace_hopper");
        yield return new TestCaseData("tilted_face_astronaut.png", 0, 0).SetArgDisplayNames("tilted_face_astronaut");
        yield return new TestCaseData("group_mosaic.png", 0, 0).SetArgDisplayNames("group_mosaic astronaut");
        yield return new TestCaseData("group_mosaic.png", 1, 0).SetArgDisplayNames("group_mosaic hopper");
        yield return new TestCaseData("astronaut.png", 0, 1).SetArgDisplayNames("astronaut turned, automatic orientation");
        yield return new TestCaseData("grace_hopper.png", 0, 3).SetArgDisplayNames("grace_hopper turned, automatic orientation");
    }

    [TestCaseSource(nameof(FrontalFaces))]
    public void Searching_the_crop_finds_one_level_face_at_its_centre(string photo, int faceIndex, int quarters)
    {
        RgbImage image = TurnedImages.QuarterTurns(TestImages.Load(photo), quarters);
        using var locator = new FaceDetector(new FaceDetectorOptions { Model = BlazeFaceModel.BackCamera });
        using var detector = new FaceDetector();
        FaceDetection face = locator.Detect(image.AsView(), new ImageProcessingOptions { AutoRotate = quarters != 0 })
            .OrderBy(f => f.BoundingBox.Y > image.Height / 2).ThenBy(f => f.BoundingBox.X).ElementAt(faceIndex);

        ImageBuffer crop = Aligner.Align(image.AsView(), face);
        IReadOnlyList<FaceDetection> again = detector.Detect(crop);

        Assert.That(again, Has.Count.EqualTo(1));
        FaceBox box = again[0].BoundingBox;
        TestContext.Out.WriteLine($"roll {face.Roll:F1}° in the image, {again[0].Roll:F1}° in the crop; centre {box.X + (box.Width / 2):F1}, {box.Y + (box.Height / 2):F1}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(again[0].Roll, Is.EqualTo(0f).Within(5f), "eye line level");
            Assert.That(box.X + (box.Width / 2), Is.EqualTo(64f).Within(0.05f * 128), "centre x");
            Assert.That(box.Y + (box.Height / 2), Is.EqualTo(64f).Within(0.05f * 128), "centre y");
        }
    }

    [Test]
    public void The_eyes_land_level_a_sixth_of_the_width_either_side_of_the_centre([Values(0f, 30f, -120f)] float roll)
    {
        // Eyes 40 px apart turned by the roll about (200, 150), the mouth 36 px below their midpoint (in the face's frame).
        FaceDetection face = SyntheticFace(200, 150, 40, 36, roll);

        RotatedBox region = Aligner.GetRegion(face);

        (float rightX, float rightY) = ToCrop(region, face.Keypoints.RightEye);
        (float leftX, float leftY) = ToCrop(region, face.Keypoints.LeftEye);
        (float mouthX, float mouthY) = ToCrop(region, face.Keypoints.MouthCenter);
        using (Assert.EnterMultipleScope())
        {
            // Face square 2 x 40 = 80 px, plus a quarter of it on each side: 120 image px fill 128 crop px.
            Assert.That((region.Width, region.Height, region.AngleDegrees), Is.EqualTo((120f, 120f, roll)).Using<(float, float, float)>(Near3));
            Assert.That((rightX, leftX), Is.EqualTo((64 - (128f / 6), 64 + (128f / 6))).Using<(float, float)>(Near));
            Assert.That(rightY, Is.EqualTo(leftY).Within(1e-3f), "level");
            Assert.That((mouthX, (rightY + mouthY) / 2), Is.EqualTo((64f, 64f)).Using<(float, float)>(Near), "centred between the eyes and the mouth");
        }
    }

    [Test]
    public void Crop_and_image_coordinates_map_both_ways()
    {
        RotatedBox region = Aligner.GetRegion(SyntheticFace(300, 200, 50, 45, 17));

        (float x, float y) = region.ToImage(10f / 128, 100f / 128);
        (float u, float v) = region.ToBox(x, y);

        Assert.That((u * 128, v * 128), Is.EqualTo((10f, 100f)).Using<(float, float)>(Near));
    }

    [Test]
    public void The_crop_samples_the_image_bilinearly([Values(ImagePixelFormat.Rgb24, ImagePixelFormat.Bgra32, ImagePixelFormat.Gray8)] ImagePixelFormat format)
    {
        const int width = 120, height = 90;
        int bytesPerPixel = format switch { ImagePixelFormat.Gray8 => 1, ImagePixelFormat.Rgb24 => 3, _ => 4 };
        byte[] pixels = new byte[width * height * bytesPerPixel];
        new Random(3).NextBytes(pixels);
        var image = new ImageView(pixels, width, height, format);
        var aligner = new FaceAligner { Width = 40, Height = 30, Margin = 0.5f };
        FaceDetection face = SyntheticFace(60, 45, 12, 10, 25);

        ImageBuffer crop = aligner.Align(image, face);

        RotatedBox region = aligner.GetRegion(face);
        int worst = 0;
        for (int j = 0; j < 30; j++)
        {
            for (int i = 0; i < 40; i++)
            {
                (float x, float y) = region.ToImage((i + 0.5f) / 40, (j + 0.5f) / 30);
                for (int c = 0; c < bytesPerPixel; c++)
                {
                    double expected = Bilinear(pixels, width, height, bytesPerPixel, c, x - 0.5, y - 0.5);
                    worst = Math.Max(worst, (int)Math.Abs(crop.Pixels.Span[(((j * 40) + i) * bytesPerPixel) + c] - Math.Round(expected)));
                }
            }
        }

        Assert.That((crop.Width, crop.Height, crop.Format), Is.EqualTo((40, 30, format)));
        Assert.That(worst, Is.LessThanOrEqualTo(1));
    }

    [Test]
    public void What_lies_outside_the_image_is_zero()
    {
        byte[] pixels = [.. Enumerable.Repeat((byte)200, 50 * 50 * 3)];
        FaceDetection face = SyntheticFace(2, 2, 20, 18, 0);

        ImageBuffer crop = Aligner.Align(new ImageView(pixels, 50, 50, ImagePixelFormat.Rgb24), face);

        ReadOnlySpan<byte> corner = crop.Pixels.Span[..3];
        ReadOnlySpan<byte> centre = crop.Pixels.Span.Slice(((64 * 128) + 64) * 3, 3);
        Assert.That((corner[0], centre[0]), Is.EqualTo(((byte)0, (byte)200)));
    }

    [Test]
    public void The_span_overload_writes_rows_at_the_stride_and_leaves_the_padding_alone()
    {
        RgbImage image = TestImages.Load("astronaut.png");
        using var detector = new FaceDetector();
        FaceDetection face = detector.Detect(image.AsView()).Single();
        ImageBuffer packed = Aligner.Align(image.AsView(), face);
        byte[] destination = [.. Enumerable.Repeat((byte)7, (130 * 3 * 127) + (128 * 3))];

        RotatedBox region = Aligner.Align(image.AsView(), face, destination, 130 * 3);

        Assert.That(region, Is.EqualTo(Aligner.GetRegion(face)));
        for (int row = 0; row < 128; row++)
        {
            Assert.That(destination.AsSpan(row * 390, 384).SequenceEqual(packed.Pixels.Span.Slice(row * 384, 384)), $"row {row}");
            if (row < 127)
            {
                Assert.That(destination.AsSpan((row * 390) + 384, 6).ToArray(), Is.All.EqualTo(7), $"padding after row {row}");
            }
        }
    }

    [Test]
    public void Aligning_into_a_span_allocates_nothing()
    {
        RgbImage image = TestImages.Load("astronaut.png");
        using var detector = new FaceDetector();
        FaceDetection face = detector.Detect(image.AsView()).Single();
        byte[] destination = new byte[128 * 128 * 3];

        long allocated = AllocationProbe.FewestBytesPerCall(() => Aligner.Align(image.AsView(), face, destination));

        Assert.That(allocated, Is.Zero);
    }

    [Test]
    public void Bad_destinations_are_refused_naming_the_argument()
    {
        byte[] pixels = new byte[100 * 100 * 3];
        FaceDetection face = SyntheticFace(50, 50, 20, 18, 0);
        ImageView Image() => new(pixels, 100, 100, ImagePixelFormat.Rgb24);

        Assert.That(() => Aligner.Align(Image(), face, new byte[(128 * 128 * 3) - 1]), Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("destination"));
        Assert.That(() => Aligner.Align(Image(), face, new byte[128 * 128 * 3], (128 * 3) - 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("destinationStride"));
        Assert.That(() => Aligner.Align(default, face), Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("image"));
    }

    [Test]
    public void A_face_whose_eyes_coincide_or_are_not_finite_is_refused()
    {
        var blind = new FaceDetection(1, default, new FaceKeypoints([5, 5, 5, 5, 5, 9, 5, 12, 0, 0, 0, 0]));
        var broken = new FaceDetection(1, default, new FaceKeypoints([5, 5, float.NaN, 5, 5, 9, 5, 12, 0, 0, 0, 0]));

        Assert.That(() => Aligner.GetRegion(blind), Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("face"));
        Assert.That(() => Aligner.GetRegion(broken), Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("face"));
    }

    [Test]
    public void Options_are_checked_when_set()
    {
        Assert.That(() => new FaceAligner { Width = 0 }, Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("Width"));
        Assert.That(() => new FaceAligner { Height = 16385 }, Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("Height"));
        Assert.That(() => new FaceAligner { Margin = -0.1f }, Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("Margin"));
        Assert.That((Aligner.Width, Aligner.Height, Aligner.Margin), Is.EqualTo((128, 128, 0.25f)));
    }

    /// <summary>A face whose eyes are <paramref name="eyeDistance"/> apart about (x, y), turned clockwise by <paramref name="roll"/>.</summary>
    private static FaceDetection SyntheticFace(float x, float y, float eyeDistance, float mouthDrop, float roll)
    {
        double radians = roll * Math.PI / 180;
        float cos = (float)Math.Cos(radians), sin = (float)Math.Sin(radians);
        (float X, float Y) Place(float dx, float dy) => (x + (cos * dx) - (sin * dy), y + (sin * dx) + (cos * dy));
        (float rx, float ry) = Place(-eyeDistance / 2, 0);
        (float lx, float ly) = Place(eyeDistance / 2, 0);
        (float nx, float ny) = Place(0, mouthDrop / 2);
        (float mx, float my) = Place(0, mouthDrop);
        return new FaceDetection(1, new FaceBox(x - eyeDistance, y - eyeDistance, 2 * eyeDistance, 2 * eyeDistance), new FaceKeypoints([rx, ry, lx, ly, nx, ny, mx, my, rx - 10, ry, lx + 10, ly]));
    }

    private static double Bilinear(byte[] pixels, int width, int height, int bytesPerPixel, int channel, double u, double v)
    {
        if (u < -0.5 || v < -0.5 || u > width - 0.5 || v > height - 0.5)
        {
            return 0;
        }

        u = Math.Clamp(u, 0, width - 1);
        v = Math.Clamp(v, 0, height - 1);
        int x0 = (int)u, y0 = (int)v, x1 = Math.Min(x0 + 1, width - 1), y1 = Math.Min(y0 + 1, height - 1);
        double fx = u - x0, fy = v - y0;
        double At(int x, int y) => pixels[(((y * width) + x) * bytesPerPixel) + channel];
        return (((1 - fy) * (((1 - fx) * At(x0, y0)) + (fx * At(x1, y0)))) + (fy * (((1 - fx) * At(x0, y1)) + (fx * At(x1, y1)))));
    }

    private static bool Near((float X, float Y) a, (float X, float Y) b) => MathF.Abs(a.X - b.X) < 1e-3f && MathF.Abs(a.Y - b.Y) < 1e-3f;

    private static bool Near3((float A, float B, float C) a, (float A, float B, float C) b) =>
        MathF.Abs(a.A - b.A) < 1e-3f && MathF.Abs(a.B - b.B) < 1e-3f && MathF.Abs(a.C - b.C) < 1e-3f;

    /// <summary>A point of the image in pixels of a 128 x 128 crop showing <paramref name="region"/>.</summary>
    private static (float X, float Y) ToCrop(RotatedBox region, FaceKeypoint point)
    {
        (float u, float v) = region.ToBox(point.X, point.Y);
        return (u * 128, v * 128);
    }
}
