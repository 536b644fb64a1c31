using BlazeFace.Imaging;
using BlazeFace.Preprocessing;

namespace BlazeFace.Tests.Hardening;

/// <summary>
/// Images far from the model's square input still run: a single pixel, one-pixel-wide strips (where letterboxing
/// scales one side to a fraction of a pixel), and a 48-megapixel photo.
/// </summary>
public class ExtremeImageSizeTests
{
    [TestCase(1, 1, ResizeMode.Letterbox)]
    [TestCase(1, 1, ResizeMode.Stretch)]
    [TestCase(1, 1000, ResizeMode.Letterbox)]
    [TestCase(1, 1000, ResizeMode.Stretch)]
    [TestCase(1000, 1, ResizeMode.Letterbox)]
    [TestCase(1000, 1, ResizeMode.Stretch)]
    public void A_tiny_or_strip_image_is_detected_without_error(int width, int height, ResizeMode mode)
    {
        byte[] pixels = Gradient(width, height, bytesPerPixel: 3);
        using var detector = new FaceDetector(new FaceDetectorOptions { ResizeMode = mode });

        IReadOnlyList<FaceDetection> faces = detector.Detect(new ImageView(pixels, width, height, ImagePixelFormat.Rgb24));

        Assert.That(faces, Has.All.Matches<FaceDetection>(face => IsFinite(face)));
    }

    [TestCase(ImagePixelFormat.Gray8, 1)]
    [TestCase(ImagePixelFormat.Bgr24, 3)]
    [TestCase(ImagePixelFormat.Rgba32, 4)]
    [TestCase(ImagePixelFormat.Bgra32, 4)]
    public void A_single_pixel_of_every_format_is_detected_without_error(ImagePixelFormat format, int bytesPerPixel)
    {
        using var detector = new FaceDetector(new FaceDetectorOptions { Model = BlazeFaceModel.FullRange });

        Assert.That(() => detector.Detect(new ImageView(new byte[bytesPerPixel], 1, 1, format)), Throws.Nothing);
    }

    [Test]
    public void A_one_pixel_strip_with_a_padded_stride_is_detected_without_error()
    {
        // One pixel per row with 61 bytes of padding: only the first three bytes of each row may be read.
        byte[] pixels = new byte[(64 * 999) + 3];

        using var detector = new FaceDetector();

        Assert.That(() => detector.Detect(new ImageView(pixels, 1, 1000, ImagePixelFormat.Rgb24, stride: 64)), Throws.Nothing);
    }

    [Test]
    public void An_8000_by_6000_rgb_photo_is_detected_without_error()
    {
        const int width = 8000, height = 6000;
        byte[] pixels = Gradient(width, height, bytesPerPixel: 3);
        using var detector = new FaceDetector();

        IReadOnlyList<FaceDetection> faces = detector.Detect(new ImageView(pixels, width, height, ImagePixelFormat.Rgb24));

        Assert.That(faces, Has.All.Matches<FaceDetection>(face => IsFinite(face)));
    }

    /// <summary>A smooth diagonal ramp: deterministic, cheap to make, and not a flat colour the resampler could special-case.</summary>
    private static byte[] Gradient(int width, int height, int bytesPerPixel)
    {
        byte[] pixels = new byte[width * height * bytesPerPixel];
        for (int y = 0; y < height; y++)
        {
            Span<byte> row = pixels.AsSpan(y * width * bytesPerPixel, width * bytesPerPixel);
            for (int x = 0; x < row.Length; x++)
            {
                row[x] = (byte)(((x / bytesPerPixel) + y) * 255L / (width + height));
            }
        }

        return pixels;
    }

    private static bool IsFinite(FaceDetection face) =>
        float.IsFinite(face.Score) && float.IsFinite(face.BoundingBox.X) && float.IsFinite(face.BoundingBox.Y)
        && float.IsFinite(face.BoundingBox.Width) && float.IsFinite(face.BoundingBox.Height)
        && face.Keypoints.All(keypoint => float.IsFinite(keypoint.X) && float.IsFinite(keypoint.Y));
}
