using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Tracking.Video;

/// <summary>
/// A face cut from a bundled photo to paste onto synthetic video: a square around the face the detector finds in
/// the photo, <see cref="ContextFactor"/> times the face box's side, resampled (bilinear) to <see cref="Size"/> pixels.
/// </summary>
internal sealed class FaceSprite
{
    /// <summary>The crop's side over the face box's side: hair, ears and chin, as in a real frame.</summary>
    private const float ContextFactor = 1.6f;

    private FaceSprite(RgbImage pixels, float faceSide)
    {
        Pixels = pixels;
        FaceSide = faceSide;
    }

    /// <summary>The sprite's pixels, <see cref="Size"/> x <see cref="Size"/>.</summary>
    public RgbImage Pixels { get; }

    public int Size => Pixels.Width;

    /// <summary>Side of the face box in the sprite, as the detector measured it in the photo, scaled; the face is centred in the sprite.</summary>
    public float FaceSide { get; }

    /// <summary>Cuts a face of <paramref name="photo"/> (the best one unless <paramref name="rank"/> says otherwise) into a sprite <paramref name="size"/> pixels square.</summary>
    public static FaceSprite Cut(FaceDetector detector, string photo, int size, int rank = 0)
    {
        RgbImage image = TestImages.Load(photo);
        IReadOnlyList<FaceDetection> faces = detector.Detect(image.AsView());
        if (faces.Count <= rank)
        {
            throw new InvalidOperationException($"{photo} should hold at least {rank + 1} face(s).");
        }

        FaceBox box = faces[rank].BoundingBox;
        float side = Math.Max(box.Width, box.Height) * ContextFactor;
        float left = box.X + (box.Width / 2) - (side / 2);
        float top = box.Y + (box.Height / 2) - (side / 2);
        float scale = side / size;
        var sprite = new RgbImage(size, size);
        for (int y = 0; y < size; y++)
        {
            float v = Math.Clamp(top + ((y + 0.5f) * scale) - 0.5f, 0, image.Height - 1);
            for (int x = 0; x < size; x++)
            {
                float u = Math.Clamp(left + ((x + 0.5f) * scale) - 0.5f, 0, image.Width - 1);
                Sample(image, u, v, sprite.Pixels.AsSpan(((y * size) + x) * 3, 3));
            }
        }

        return new FaceSprite(sprite, Math.Max(box.Width, box.Height) / scale);
    }

    private static void Sample(RgbImage image, float u, float v, Span<byte> rgb)
    {
        int x0 = (int)u;
        int y0 = (int)v;
        int x1 = Math.Min(x0 + 1, image.Width - 1);
        int y1 = Math.Min(y0 + 1, image.Height - 1);
        float fx = u - x0;
        float fy = v - y0;
        for (int c = 0; c < 3; c++)
        {
            float upper = ((1 - fx) * At(image, x0, y0, c)) + (fx * At(image, x1, y0, c));
            float lower = ((1 - fx) * At(image, x0, y1, c)) + (fx * At(image, x1, y1, c));
            rgb[c] = (byte)MathF.Round(((1 - fy) * upper) + (fy * lower));
        }
    }

    private static byte At(RgbImage image, int x, int y, int channel) => image.Pixels[(((y * image.Width) + x) * 3) + channel];
}
