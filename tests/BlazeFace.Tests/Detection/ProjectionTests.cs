using BlazeFace.Imaging;
using BlazeFace.Preprocessing;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Detection;

/// <summary>
/// Letterbox and stretch both map boxes back into the source image: a face pasted at a known place in a wide and in
/// a tall canvas is found where it was pasted.
/// </summary>
public class ProjectionTests
{
    // The astronaut's face, cropped with a margin: its box inside the crop is measured on the crop alone.
    private const int CropX = 110, CropY = 10, CropSize = 230;

    [TestCase(640, 320, 380, 60, ResizeMode.Letterbox)]
    [TestCase(640, 320, 380, 60, ResizeMode.Stretch)]
    [TestCase(320, 640, 60, 380, ResizeMode.Letterbox)]
    [TestCase(320, 640, 60, 380, ResizeMode.Stretch)]
    public void A_pasted_face_is_found_where_it_was_pasted(int width, int height, int pasteX, int pasteY, ResizeMode mode)
    {
        RgbImage crop = Crop(TestImages.Load("astronaut.png"), CropX, CropY, CropSize);
        using var detector = new FaceDetector(new FaceDetectorOptions { ResizeMode = mode });
        FaceDetection inCrop = detector.Detect(crop.AsView()).Single();
        RgbImage canvas = Paste(crop, width, height, pasteX, pasteY);

        FaceDetection found = detector.Detect(canvas.AsView()).Single();

        // The network sees the face at under half the scale (and, stretched, squeezed), so its predictions move by up
        // to ~20 px; a wrong mapping would be off by the letterbox padding (160 px here) or by the aspect ratio (a
        // factor of two, hundreds of pixels). Stretching also changes the box's shape (the network predicts square
        // boxes in its own input), so the centre and the keypoints are what both modes must put back in place.
        float tolerance = 0.25f * inCrop.BoundingBox.Width;
        TestContext.Out.WriteLine($"{mode} {width}x{height}: in crop {inCrop.BoundingBox}, found {found.BoundingBox}");
        Assert.That(CenterX(found.BoundingBox), Is.EqualTo(CenterX(inCrop.BoundingBox) + pasteX).Within(tolerance), "box centre x");
        Assert.That(CenterY(found.BoundingBox), Is.EqualTo(CenterY(inCrop.BoundingBox) + pasteY).Within(tolerance), "box centre y");
        foreach (FaceKeypointKind kind in new[] { FaceKeypointKind.RightEye, FaceKeypointKind.LeftEye, FaceKeypointKind.NoseTip, FaceKeypointKind.MouthCenter })
        {
            Assert.That(found.Keypoints[kind].X, Is.EqualTo(inCrop.Keypoints[kind].X + pasteX).Within(tolerance), $"{kind} x");
            Assert.That(found.Keypoints[kind].Y, Is.EqualTo(inCrop.Keypoints[kind].Y + pasteY).Within(tolerance), $"{kind} y");
        }

        if (mode == ResizeMode.Letterbox)
        {
            Assert.That(found.BoundingBox.Width, Is.EqualTo(inCrop.BoundingBox.Width).Within(tolerance), "width");
            Assert.That(found.BoundingBox.Height, Is.EqualTo(inCrop.BoundingBox.Height).Within(tolerance), "height");
        }
    }

    private static float CenterX(FaceBox box) => box.X + (box.Width / 2);

    private static float CenterY(FaceBox box) => box.Y + (box.Height / 2);

    private static RgbImage Crop(RgbImage source, int x0, int y0, int size)
    {
        byte[] pixels = new byte[size * size * 3];
        for (int y = 0; y < size; y++)
        {
            source.Pixels.AsSpan((((y0 + y) * source.Width) + x0) * 3, size * 3).CopyTo(pixels.AsSpan(y * size * 3));
        }

        return new RgbImage(size, size, pixels);
    }

    private static RgbImage Paste(RgbImage patch, int width, int height, int x0, int y0)
    {
        byte[] pixels = new byte[width * height * 3];
        pixels.AsSpan().Fill(90);
        for (int y = 0; y < patch.Height; y++)
        {
            patch.Pixels.AsSpan(y * patch.Width * 3, patch.Width * 3).CopyTo(pixels.AsSpan((((y0 + y) * width) + x0) * 3));
        }

        return new RgbImage(width, height, pixels);
    }
}
