namespace BlazeFace.Tests.Tracking;

/// <summary>Made-up detections for tests of the tracker's logic, without the network.</summary>
internal static class SyntheticFaces
{
    /// <summary>A square face of side <paramref name="size"/> centred at (<paramref name="x"/>, <paramref name="y"/>), keypoints where a frontal face has them.</summary>
    public static FaceDetection At(float x, float y, float size, float score = 0.9f)
    {
        float s = size;
        float[] keypoints =
        [
            x - (0.2f * s), y - (0.1f * s),  // right eye (on the left of the image)
            x + (0.2f * s), y - (0.1f * s),  // left eye
            x, y + (0.05f * s),              // nose tip
            x, y + (0.25f * s),              // mouth centre
            x - (0.45f * s), y,              // right ear tragion
            x + (0.45f * s), y,              // left ear tragion
        ];
        return new FaceDetection(score, new FaceBox(x - (s / 2), y - (s / 2), s, s), new FaceKeypoints(keypoints));
    }

    public static (float X, float Y) Centre(FaceBox box) => (box.X + (box.Width / 2), box.Y + (box.Height / 2));
}
