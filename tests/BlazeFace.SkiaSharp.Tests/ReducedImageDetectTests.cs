using BlazeFace.SkiaSharp.Tests.Support;
using BlazeFace.Tests.Support;
using SkiaSharp;

namespace BlazeFace.SkiaSharp.Tests;

/// <summary>
/// <c>detector.Detect(bitmap, imageSize)</c>: faces found in a reduced copy, reported in the pixels of the image it
/// shows, every coordinate scaled by the ratio of the sizes, the score kept.
/// </summary>
public class ReducedImageDetectTests
{
    private static readonly RgbImage Photo = TestImages.Load("astronaut.png");

    [Test]
    public void Faces_come_back_scaled_to_the_image_size()
    {
        using var detector = new FaceDetector();
        using SKBitmap bitmap = SkiaBitmaps.Rgba(Photo);
        FaceDetection inBitmap = detector.Detect(bitmap, new ImageProcessingOptions { RotationDegrees = 30 }).Single();

        FaceDetection inImage = detector.Detect(bitmap, new SKSizeI(4 * 512, 2 * 512), new ImageProcessingOptions { RotationDegrees = 30 }).Single();

        Assert.That(inImage.Score, Is.EqualTo(inBitmap.Score));
        FaceBox box = inBitmap.BoundingBox;
        Assert.That(inImage.BoundingBox, Is.EqualTo(new FaceBox(box.X * 4, box.Y * 2, box.Width * 4, box.Height * 2)));
        for (int i = 0; i < FaceKeypoints.Count; i++)
        {
            Assert.That((inImage.Keypoints[i].X, inImage.Keypoints[i].Y), Is.EqualTo((inBitmap.Keypoints[i].X * 4, inBitmap.Keypoints[i].Y * 2)));
        }

        RotatedBox turned = inBitmap.RotatedBoundingBox;
        Assert.That(inImage.RotatedBoundingBox, Is.EqualTo(new RotatedBox(turned.CenterX * 4, turned.CenterY * 2, turned.Width * 3, turned.Height * 3, turned.AngleDegrees)),
            "centre per axis, sides by the mean of the two ratios, angle kept");
    }

    [Test]
    public void The_span_form_writes_what_the_list_form_returns()
    {
        using var detector = new FaceDetector();
        using SKBitmap bitmap = SkiaBitmaps.Rgba(Photo);
        var size = new SKSizeI(1536, 1536);
        Span<FaceDetection> faces = stackalloc FaceDetection[4];

        int written = detector.Detect(bitmap, size, faces, out int found);

        Assert.That((written, found), Is.EqualTo((1, 1)));
        Assert.That(faces[0], Is.EqualTo(detector.Detect(bitmap, size).Single()));
    }

    [TestCase(0, 100)]
    [TestCase(100, -1)]
    public void An_empty_image_size_is_refused_naming_it(int width, int height)
    {
        using var detector = new FaceDetector();
        using SKBitmap bitmap = SkiaBitmaps.Rgba(Photo);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => detector.Detect(bitmap, new SKSizeI(width, height)));

        Assert.That(error!.ParamName, Is.EqualTo("imageSize"));
    }
}
