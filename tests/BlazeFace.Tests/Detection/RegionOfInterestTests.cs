using System.Drawing;
using BlazeFace.Preprocessing;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Detection;

/// <summary>A region of interest restricts the search to part of the image; results stay in the whole image's pixels.</summary>
public class RegionOfInterestTests
{
    // The group mosaic is four 256x256 tiles: astronaut top left, Hopper top right, the cameraman bottom left, a cat.
    private static readonly Rectangle TopRight = new(256, 0, 256, 256);

    [Test]
    public void A_region_finds_what_a_cropped_copy_finds_shifted_by_the_region_origin()
    {
        RgbImage image = TestImages.Load("group_mosaic.png");
        RgbImage crop = Crop(image, TopRight);
        using var detector = new FaceDetector();
        FaceDetection inCrop = detector.Detect(crop.AsView()).Single();

        FaceDetection found = detector.Detect(image.AsView(), new ImageProcessingOptions { RegionOfInterest = TopRight }).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Score, Is.EqualTo(inCrop.Score).Within(1e-5f));
            Assert.That(found.BoundingBox.X, Is.EqualTo(inCrop.BoundingBox.X + TopRight.X).Within(1e-3f));
            Assert.That(found.BoundingBox.Y, Is.EqualTo(inCrop.BoundingBox.Y + TopRight.Y).Within(1e-3f));
            Assert.That(found.BoundingBox.Width, Is.EqualTo(inCrop.BoundingBox.Width).Within(1e-3f));
            for (int k = 0; k < FaceKeypoints.Count; k++)
            {
                Assert.That(found.Keypoints[k].X, Is.EqualTo(inCrop.Keypoints[k].X + TopRight.X).Within(1e-3f), $"keypoint {k}");
                Assert.That(found.Keypoints[k].Y, Is.EqualTo(inCrop.Keypoints[k].Y + TopRight.Y).Within(1e-3f), $"keypoint {k}");
            }
        }
    }

    [Test]
    public void Faces_outside_the_region_are_not_found()
    {
        RgbImage image = TestImages.Load("group_mosaic.png");
        using var detector = new FaceDetector();
        Assert.That(detector.Detect(image.AsView()), Has.Count.GreaterThan(1), "the mosaic has several faces");

        IReadOnlyList<FaceDetection> found = detector.Detect(image.AsView(), new ImageProcessingOptions { RegionOfInterest = TopRight });

        Assert.That(found.Select(f => f.RotatedBoundingBox.CenterX), Has.All.GreaterThan(256f));
        Assert.That(found.Select(f => f.RotatedBoundingBox.CenterY), Has.All.LessThan(256f));
    }

    [Test]
    public void A_region_can_be_turned_too()
    {
        RgbImage image = TestImages.Load("group_mosaic.png");
        RgbImage turned = TurnedImages.QuarterTurns(image, 1);
        using var detector = new FaceDetector();
        FaceDetection upright = detector.Detect(image.AsView(), new ImageProcessingOptions { RegionOfInterest = TopRight }).Single();

        // Turned counter-clockwise, the top-right tile is now the top-left one.
        FaceDetection found = detector.Detect(turned.AsView(), new ImageProcessingOptions { RegionOfInterest = new Rectangle(0, 0, 256, 256), RotationDegrees = 90 }).Single();

        (double x, double y) = TurnedImages.QuarterTurnedPoint(image, 1, upright.Keypoints.NoseTip.X, upright.Keypoints.NoseTip.Y);
        Assert.That((found.Keypoints.NoseTip.X, found.Keypoints.NoseTip.Y), Is.EqualTo(((float)x, (float)y)).Using<(float, float)>((a, b) => MathF.Abs(a.Item1 - b.Item1) < 0.01f && MathF.Abs(a.Item2 - b.Item2) < 0.01f));
    }

    [TestCase(-1, 0, 100, 100)]
    [TestCase(0, 0, 0, 100)]
    [TestCase(400, 0, 113, 100)]
    [TestCase(0, 500, 100, 13)]
    public void A_region_that_does_not_fit_the_image_is_refused_naming_the_option(int x, int y, int width, int height)
    {
        RgbImage image = TestImages.Load("group_mosaic.png");
        using var detector = new FaceDetector();
        var options = new ImageProcessingOptions { RegionOfInterest = new Rectangle(x, y, width, height) };

        Assert.That(
            () => detector.Detect(image.AsView(), options),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("RegionOfInterest"));
    }

    private static RgbImage Crop(RgbImage image, Rectangle region)
    {
        var crop = new RgbImage(region.Width, region.Height);
        for (int y = 0; y < region.Height; y++)
        {
            Array.Copy(image.Pixels, (((region.Y + y) * image.Width) + region.X) * 3, crop.Pixels, y * region.Width * 3, region.Width * 3);
        }

        return crop;
    }
}
