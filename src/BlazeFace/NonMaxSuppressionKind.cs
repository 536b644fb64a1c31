namespace BlazeFace;

/// <summary>The built-in ways of resolving overlapping candidates.</summary>
public enum NonMaxSuppressionKind
{
    /// <summary>
    /// MediaPipe's default for face detection: each cluster of overlapping candidates becomes one detection whose box
    /// and keypoints are the score-weighted mean of the cluster. Steadier boxes from frame to frame.
    /// </summary>
    Weighted,

    /// <summary>Classic NMS, as the original write-up and the PyTorch port do: keep the best candidate, drop its overlaps.</summary>
    Hard,
}
