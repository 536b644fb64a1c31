using SkiaSharp;

namespace BlazeFace.SkiaSharp;

/// <summary>
/// The map from a reduced copy of an image (a bitmap decoded with <see cref="UprightImageOptions.MinimumSide"/>, or
/// any thumbnail) to the image's own pixels: each axis scaled by the ratio of the two sizes, so the copy's edges land
/// on the image's edges.
/// </summary>
/// <remarks>
/// A DCT-scaled decode rounds its size up (a 4001-pixel side at 1/8 gives 501 pixels), so the two axes' ratios can
/// differ in the third decimal; a rotated box, which stays a rectangle only under a uniform scale, takes their mean
/// for its sides.
/// </remarks>
internal readonly struct ReducedImageScale
{
    private readonly float _x;
    private readonly float _y;

    private ReducedImageScale(float x, float y) => (_x, _y) = (x, y);

    /// <summary>The map from a <paramref name="bitmapWidth"/> x <paramref name="bitmapHeight"/> copy to an image of <paramref name="imageSize"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="imageSize"/> is empty or negative; ParamName is "imageSize".</exception>
    public static ReducedImageScale Between(int bitmapWidth, int bitmapHeight, SKSizeI imageSize)
    {
        if (imageSize.Width <= 0 || imageSize.Height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(imageSize), imageSize, "The image size must be positive.");
        }

        return new ReducedImageScale((float)imageSize.Width / bitmapWidth, (float)imageSize.Height / bitmapHeight);
    }

    /// <summary>A face found in the copy, in the image's pixels: box, keypoints and rotated box scaled, score kept.</summary>
    public FaceDetection ToImage(FaceDetection face)
    {
        FaceBox box = face.BoundingBox;
        Span<float> keypoints = stackalloc float[2 * FaceKeypoints.Count];
        face.Keypoints.CopyTo(keypoints);
        for (int i = 0; i < keypoints.Length; i += 2)
        {
            keypoints[i] *= _x;
            keypoints[i + 1] *= _y;
        }

        RotatedBox turned = face.RotatedBoundingBox;
        float side = (_x + _y) / 2;
        return new FaceDetection(
            face.Score,
            new FaceBox(box.X * _x, box.Y * _y, box.Width * _x, box.Height * _y),
            new FaceKeypoints(keypoints),
            turned with { CenterX = turned.CenterX * _x, CenterY = turned.CenterY * _y, Width = turned.Width * side, Height = turned.Height * side });
    }
}
