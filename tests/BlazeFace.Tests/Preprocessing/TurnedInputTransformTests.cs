using BlazeFace.PostProcessing;
using BlazeFace.PostProcessing.Projection;
using BlazeFace.Preprocessing;

namespace BlazeFace.Tests.Preprocessing;

/// <summary>Transforms of a region of the image, turned clockwise by any angle, fitted into the input.</summary>
public class TurnedInputTransformTests
{
    private const double Tolerance = 1e-9;

    [Test]
    public void The_whole_image_unturned_is_the_plain_transform([Values] ResizeMode mode)
    {
        var plain = InputTransform.Create(640, 480, 128, 128, mode);
        var explicitWhole = InputTransform.Create(640, 480, 128, 128, mode, new ImageRegion(0, 0, 640, 480), 0);
        var fullTurn = InputTransform.Create(640, 480, 128, 128, mode, new ImageRegion(0, 0, 640, 480), 360);

        Assert.That((explicitWhole, fullTurn), Is.EqualTo((plain, plain)));
    }

    [Test]
    public void A_region_is_letterboxed_on_its_own_and_mapped_back_to_whole_image_pixels()
    {
        var t = InputTransform.Create(640, 480, 128, 128, ResizeMode.Letterbox, new ImageRegion(100, 50, 200, 100), 0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((t.ScaleX, t.PadX, t.PadY), Is.EqualTo((0.64, 0.0, 32.0)).Using<(double, double, double)>(Near3));
            Assert.That(t.ToImage(0, 32 / 128.0), Is.EqualTo((100.0, 50.0)).Using<(double, double)>(Near));
            Assert.That(t.ToImage(1, 96 / 128.0), Is.EqualTo((300.0, 150.0)).Using<(double, double)>(Near));
            Assert.That(t.ToNormalized(300, 150), Is.EqualTo((1.0, 96 / 128.0)).Using<(double, double)>(Near));
        }
    }

    [Test]
    public void A_quarter_turn_shows_the_image_with_its_left_edge_on_top()
    {
        // Turned clockwise, the 640x480 image becomes 480x640: its bottom-left corner is now top-left.
        var t = InputTransform.Create(640, 480, 128, 128, ResizeMode.Letterbox, new ImageRegion(0, 0, 640, 480), 90);
        double left = t.PadX / 128, right = 1 - left;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(t.PadY, Is.Zero);
            Assert.That(t.ToImage(left, 0), Is.EqualTo((0.0, 480.0)).Using<(double, double)>(Near));
            Assert.That(t.ToImage(right, 0), Is.EqualTo((0.0, 0.0)).Using<(double, double)>(Near));
            Assert.That(t.ToImage(right, 1), Is.EqualTo((640.0, 0.0)).Using<(double, double)>(Near));
            Assert.That(t.ToImage(left, 1), Is.EqualTo((640.0, 480.0)).Using<(double, double)>(Near));
        }
    }

    [Test]
    public void Points_survive_a_round_trip_at_any_angle([Values(30, 45, 90, 200, -75, 1e-3)] double degrees, [Values] ResizeMode mode)
    {
        var t = InputTransform.Create(640, 480, 192, 192, mode, new ImageRegion(40, 30, 500, 400), degrees);

        foreach ((double x, double y) in new[] { (40.0, 30.0), (290.0, 230.0), (539.5, 429.5), (100.25, 400.75) })
        {
            (double nx, double ny) = t.ToNormalized(x, y);
            (double bx, double by) = t.ToImage(nx, ny);
            Assert.That((bx, by), Is.EqualTo((x, y)).Using<(double, double)>(Near));
        }
    }

    [Test]
    public void The_region_centre_stays_at_the_centre_of_the_input_whatever_the_angle([Values(0, 17, 90, 135, 270)] double degrees)
    {
        var t = InputTransform.Create(640, 480, 128, 128, ResizeMode.Letterbox, new ImageRegion(100, 100, 300, 200), degrees);

        (double x, double y) = t.ToImage(0.5, 0.5);

        Assert.That((x, y), Is.EqualTo((250.0, 200.0)).Using<(double, double)>(Near));
    }

    [Test]
    public void The_turned_canvas_is_the_bounding_box_of_the_turned_region()
    {
        var t = InputTransform.Create(640, 480, 128, 128, ResizeMode.Letterbox, new ImageRegion(0, 0, 400, 200), 30);
        double cos = Math.Cos(Math.PI / 6), sin = 0.5;

        Assert.That(
            (t.WindowWidth, t.WindowHeight),
            Is.EqualTo(((400 * cos) + (200 * sin), (400 * sin) + (200 * cos))).Using<(double, double)>(Near));
    }

    [Test]
    public void A_box_found_in_a_turned_search_maps_to_the_box_around_its_turned_corners()
    {
        var t = InputTransform.Create(640, 480, 128, 128, ResizeMode.Letterbox, new ImageRegion(0, 0, 640, 480), 30);
        var normalized = new FaceBox(0.4f, 0.3f, 0.2f, 0.1f);
        Span<double> xs = stackalloc double[4], ys = stackalloc double[4];
        (xs[0], ys[0]) = t.ToImage(0.4, 0.3);
        (xs[1], ys[1]) = t.ToImage(0.6, 0.3);
        (xs[2], ys[2]) = t.ToImage(0.6, 0.4);
        (xs[3], ys[3]) = t.ToImage(0.4, 0.4);

        FaceBox box = ImageProjection.ToImage(t, new FaceCandidate(0, normalized, default), false).BoundingBox;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(box.X, Is.EqualTo(Min(xs)).Within(1e-3));
            Assert.That(box.Y, Is.EqualTo(Min(ys)).Within(1e-3));
            Assert.That(box.Right, Is.EqualTo(Max(xs)).Within(1e-3));
            Assert.That(box.Bottom, Is.EqualTo(Max(ys)).Within(1e-3));
        }
    }

    [Test]
    public void A_detection_of_a_turned_search_carries_its_box_turned_back_by_the_search_angle()
    {
        var t = InputTransform.Create(640, 480, 128, 128, ResizeMode.Letterbox, new ImageRegion(0, 0, 640, 480), 30);
        var candidate = new FaceCandidate(0.9f, new FaceBox(0.4f, 0.3f, 0.2f, 0.1f), default);

        FaceDetection face = ImageProjection.ToImage(t, candidate, false);

        RotatedBox turned = face.RotatedBoundingBox;
        (double centreX, double centreY) = t.ToImage(0.5, 0.35);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(turned.AngleDegrees, Is.EqualTo(-30f));
            Assert.That((turned.CenterX, turned.CenterY), Is.EqualTo(((float)centreX, (float)centreY)).Using<(float, float)>((a, b) => MathF.Abs(a.Item1 - b.Item1) < 1e-3f && MathF.Abs(a.Item2 - b.Item2) < 1e-3f));
            Assert.That(turned.Width, Is.EqualTo(0.2 * 128 / t.ScaleX).Within(1e-3));
            Assert.That(turned.Height, Is.EqualTo(0.1 * 128 / t.ScaleY).Within(1e-3));
            Assert.That(turned.Bounds, Is.EqualTo(face.BoundingBox).Using<FaceBox>((a, b) => a.IntersectionOverUnion(b) > 0.9999f));
        }
    }

    [Test]
    public void An_unturned_detection_carries_its_unclipped_box_at_angle_zero()
    {
        var t = InputTransform.Create(640, 480, 128, 128, ResizeMode.Letterbox);
        var candidate = new FaceCandidate(0.9f, new FaceBox(-0.1f, 0.2f, 0.3f, 0.3f), default);

        FaceDetection face = ImageProjection.ToImage(t, candidate, true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(face.BoundingBox.X, Is.Zero, "clipped");
            Assert.That(face.RotatedBoundingBox.Bounds.X, Is.EqualTo(-0.1f * 640).Within(1e-3f), "not clipped");
            Assert.That(face.RotatedBoundingBox.AngleDegrees, Is.Zero);
        }
    }

    [TestCase(-1, 0, 10, 10)]
    [TestCase(0, 0, 0, 10)]
    [TestCase(600, 0, 41, 10)]
    [TestCase(0, 470, 10, 11)]
    [TestCase(int.MaxValue, 0, int.MaxValue, 10)]
    public void A_region_outside_the_image_is_refused(int x, int y, int width, int height) =>
        Assert.That(
            () => InputTransform.Create(640, 480, 128, 128, ResizeMode.Letterbox, new ImageRegion(x, y, width, height), 0),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("region"));

    [Test]
    public void A_rotation_that_is_not_a_number_of_degrees_is_refused([Values(double.NaN, double.PositiveInfinity)] double degrees) =>
        Assert.That(
            () => InputTransform.Create(640, 480, 128, 128, ResizeMode.Letterbox, new ImageRegion(0, 0, 640, 480), degrees),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("rotationDegrees"));

    /// <summary>Equal within <see cref="Tolerance"/>, coordinate by coordinate.</summary>
    private static bool Near((double X, double Y) a, (double X, double Y) b) => Math.Abs(a.X - b.X) < Tolerance && Math.Abs(a.Y - b.Y) < Tolerance;

    private static bool Near3((double A, double B, double C) a, (double A, double B, double C) b) =>
        Math.Abs(a.A - b.A) < Tolerance && Math.Abs(a.B - b.B) < Tolerance && Math.Abs(a.C - b.C) < Tolerance;

    private static double Min(ReadOnlySpan<double> values)
    {
        double min = double.PositiveInfinity;
        foreach (double value in values)
        {
            min = Math.Min(min, value);
        }

        return min;
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (double value in values)
        {
            max = Math.Max(max, value);
        }

        return max;
    }
}
