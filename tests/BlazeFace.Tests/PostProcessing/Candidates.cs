using BlazeFace.PostProcessing;

namespace BlazeFace.Tests.PostProcessing;

/// <summary>Builds hand-made detections for the suppression tests.</summary>
internal static class Candidates
{
    /// <summary>A detection with the given score and box, all six keypoints at (<paramref name="keypointX"/>, <paramref name="keypointY"/>).</summary>
    public static FaceCandidate Box(float score, float x, float y, float width, float height, float keypointX = 0f, float keypointY = 0f)
    {
        Span<float> xy = stackalloc float[2 * FaceKeypoints.Count];
        for (int k = 0; k < FaceKeypoints.Count; k++)
        {
            xy[2 * k] = keypointX;
            xy[(2 * k) + 1] = keypointY;
        }

        return new FaceCandidate(score, new FaceBox(x, y, width, height), new FaceKeypoints(xy));
    }

    /// <summary><paramref name="count"/> unit boxes side by side (no overlaps), with scores falling along the row.</summary>
    public static FaceCandidate[] Row(int count)
    {
        var row = new FaceCandidate[count];
        for (int i = 0; i < count; i++)
        {
            row[i] = Box(1f - (i / (2f * count)), 2f * i, 0f, 1f, 1f);
        }

        return row;
    }
}
