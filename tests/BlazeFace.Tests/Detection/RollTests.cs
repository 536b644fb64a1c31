using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Detection;

/// <summary>
/// Roll: the angle of the line from the right eye to the left eye in image coordinates, clockwise positive, as
/// MediaPipe's DetectionsToRectsCalculator computes a face region's rotation (keypoints 0 and 1, target 0°).
/// </summary>
public class RollTests
{
    [TestCase(10, 0, 0)]
    [TestCase(10, 10, 45)]
    [TestCase(0, 10, 90)]
    [TestCase(0, -10, -90)]
    [TestCase(-10, 0, -180)]
    [TestCase(-10, -1e-4f, -180)]
    public void Roll_is_the_clockwise_angle_of_the_eye_line(float dx, float dy, float expected)
    {
        // Right eye at (50, 50), left eye offset by (dx, dy); y points down, so a left eye lower on screen is clockwise.
        var face = new FaceDetection(1, default, new FaceKeypoints([50, 50, 50 + dx, 50 + dy, 0, 0, 0, 0, 0, 0, 0, 0]));

        Assert.That(face.Roll, Is.EqualTo(expected).Within(1e-3f));
    }

    [Test]
    public void Roll_lies_in_minus_180_to_180()
    {
        var face = new FaceDetection(1, default, new FaceKeypoints([50, 50, 40, 50, 0, 0, 0, 0, 0, 0, 0, 0]));

        Assert.That(face.Roll, Is.EqualTo(-180f), "+180 is reported as -180, as MediaPipe's NormalizeRadians does");
    }

    [Test]
    public void The_tilted_photo_rolls_the_face_by_about_minus_30_degrees([Values] BundledModel model)
    {
        // tilted_face_astronaut.png is astronaut.png turned 30° counter-clockwise. BlazeFace's eye keypoints are good
        // to a few pixels, which on these faces (eyes 40-50 px apart) is a few degrees of roll either way: the three
        // models measure -28° to -36°, so the tolerance is 8°, which still tells a wrong sign or axis from the right one.
        using var detector = new FaceDetector(new FaceDetectorOptions { Model = model.Load() });
        float upright = detector.Detect(TestImages.Load("astronaut.png").AsView()).Single().Roll;

        float tilted = detector.Detect(TestImages.Load("tilted_face_astronaut.png").AsView()).Single().Roll;

        Assert.That(tilted - upright, Is.EqualTo(-30f).Within(8f));
    }

    [TestCase(1, -90f)]
    [TestCase(2, -180f)]
    [TestCase(3, 90f)]
    public void Roll_is_measured_in_the_image_whatever_the_search_rotation(int quarters, float turn)
    {
        RgbImage upright = TestImages.Load("astronaut.png");
        using var detector = new FaceDetector();
        float reference = detector.Detect(upright.AsView()).Single().Roll;

        FaceDetection found = detector.Detect(TurnedImages.QuarterTurns(upright, quarters).AsView(), new ImageProcessingOptions { RotationDegrees = 90 * quarters }).Single();

        float expected = reference + turn;
        expected = expected >= 180 ? expected - 360 : expected < -180 ? expected + 360 : expected;
        Assert.That(found.Roll, Is.EqualTo(expected).Within(0.01f));
    }
}
