using System.Drawing;
using BlazeFace.Preprocessing;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Detection;

/// <summary>
/// A photo turned counter-clockwise, searched with the same angle as <see cref="ImageProcessingOptions.RotationDegrees"/>
/// (which turns it clockwise back upright), gives the face of the upright photo, in the turned photo's pixels.
/// </summary>
public class RotatedSearchTests
{
    [TestCase("astronaut.png", 1)]
    [TestCase("astronaut.png", 2)]
    [TestCase("astronaut.png", 3)]
    [TestCase("grace_hopper.png", 1)]
    [TestCase("grace_hopper.png", 3)]
    public void A_quarter_turned_photo_gives_exactly_the_upright_face(string photo, int quarters)
    {
        RgbImage upright = TestImages.Load(photo);
        RgbImage turned = TurnedImages.QuarterTurns(upright, quarters);
        using var detector = new FaceDetector();
        FaceDetection expected = detector.Detect(upright.AsView()).Single();

        FaceDetection found = detector.Detect(turned.AsView(), new ImageProcessingOptions { RotationDegrees = 90 * quarters }).Single();

        // A quarter turn is an exact permutation of the pixels, so only float rounding differs.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Score, Is.EqualTo(expected.Score).Within(1e-4f));
            AssertPointNear(found.RotatedBoundingBox.CenterX, found.RotatedBoundingBox.CenterY, TurnedImages.QuarterTurnedPoint(upright, quarters, expected.RotatedBoundingBox.CenterX, expected.RotatedBoundingBox.CenterY), 0.01, "box centre");
            Assert.That(found.RotatedBoundingBox.Width, Is.EqualTo(expected.BoundingBox.Width).Within(0.01f));
            Assert.That(found.RotatedBoundingBox.Height, Is.EqualTo(expected.BoundingBox.Height).Within(0.01f));
            Assert.That(found.RotatedBoundingBox.AngleDegrees, Is.EqualTo(new[] { -90f, -180f, 90f }[quarters - 1]), "box angle, in [-180, 180)");
            for (int k = 0; k < FaceKeypoints.Count; k++)
            {
                AssertPointNear(found.Keypoints[k].X, found.Keypoints[k].Y, TurnedImages.QuarterTurnedPoint(upright, quarters, expected.Keypoints[k].X, expected.Keypoints[k].Y), 0.01, $"keypoint {k}");
            }
        }
    }

    [TestCase("astronaut.png", 30)]
    [TestCase("astronaut.png", -30)]
    [TestCase("grace_hopper.png", 30)]
    public void A_photo_turned_by_any_angle_gives_the_upright_face(string photo, double degrees)
    {
        // The search sees the turned photo's own canvas turned back, on a canvas larger still, so the face is about half
        // its upright size in the input: the full-range model, made for smaller faces, is the one to use.
        RgbImage upright = TestImages.Load(photo);
        RgbImage turned = TurnedImages.Turned(upright, degrees);
        using var detector = new FaceDetector(new FaceDetectorOptions { Model = BlazeFaceModel.FullRange });
        FaceDetection expected = detector.Detect(upright.AsView()).Single();

        FaceDetection found = detector.Detect(turned.AsView(), new ImageProcessingOptions { RotationDegrees = (float)degrees }).Single();

        float size = expected.BoundingBox.Width;
        using (Assert.EnterMultipleScope())
        {
            AssertPointNear(found.RotatedBoundingBox.CenterX, found.RotatedBoundingBox.CenterY, TurnedImages.TurnedPoint(upright, degrees, expected.RotatedBoundingBox.CenterX, expected.RotatedBoundingBox.CenterY), 0.1 * size, "box centre");
            Assert.That(found.RotatedBoundingBox.Width, Is.EqualTo(size).Within(0.15 * size), "box size");
            Assert.That(found.RotatedBoundingBox.AngleDegrees, Is.EqualTo((float)-degrees), "box angle");
            for (int k = 0; k < FaceKeypoints.Count; k++)
            {
                AssertPointNear(found.Keypoints[k].X, found.Keypoints[k].Y, TurnedImages.TurnedPoint(upright, degrees, expected.Keypoints[k].X, expected.Keypoints[k].Y), 0.15 * size, $"keypoint {k}");
            }
        }
    }

    [Test]
    public void The_box_of_a_turned_search_is_the_axis_aligned_box_around_the_turned_one()
    {
        RgbImage turned = TurnedImages.Turned(TestImages.Load("grace_hopper.png"), 30);
        using var detector = new FaceDetector(new FaceDetectorOptions { ClipToImage = false });

        FaceDetection found = detector.Detect(turned.AsView(), new ImageProcessingOptions { RotationDegrees = 30 }).Single();

        FaceBox around = found.RotatedBoundingBox.Bounds;
        Assert.That(found.BoundingBox, Is.EqualTo(around).Using<FaceBox>((a, b) => a.IntersectionOverUnion(b) > 0.999f));
    }

    [Test]
    public void Default_options_give_bit_for_bit_the_plain_detections([Values] BundledModel model)
    {
        RgbImage image = TestImages.Load("group_mosaic.png");
        using var detector = new FaceDetector(new FaceDetectorOptions { Model = model.Load() });

        IReadOnlyList<FaceDetection> plain = detector.Detect(image.AsView());
        IReadOnlyList<FaceDetection> withOptions = detector.Detect(image.AsView(), new ImageProcessingOptions());
        IReadOnlyList<FaceDetection> wholeRegion = detector.Detect(image.AsView(), new ImageProcessingOptions { RegionOfInterest = new Rectangle(0, 0, image.Width, image.Height), RotationDegrees = 360 });

        Assert.That(plain, Is.Not.Empty);
        Assert.That(withOptions, Is.EqualTo(plain));
        Assert.That(wholeRegion, Is.EqualTo(plain));
    }

    [Test]
    public void A_rotation_that_is_not_a_number_of_degrees_is_refused([Values(float.NaN, float.NegativeInfinity)] float degrees) =>
        Assert.That(
            () => new ImageProcessingOptions { RotationDegrees = degrees },
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("RotationDegrees"));

    private static void AssertPointNear(float x, float y, (double X, double Y) expected, double tolerance, string what)
    {
        Assert.That(x, Is.EqualTo(expected.X).Within(tolerance), $"{what} x");
        Assert.That(y, Is.EqualTo(expected.Y).Within(tolerance), $"{what} y");
    }
}
