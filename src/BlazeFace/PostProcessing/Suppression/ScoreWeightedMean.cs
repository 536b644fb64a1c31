namespace BlazeFace.PostProcessing.Suppression;

/// <summary>
/// Running score-weighted mean of a cluster of detections: box corners and keypoints, as MediaPipe's WEIGHTED
/// non-maximum suppression blends them.
/// </summary>
/// <remarks>
/// Corners (xmin, ymin, xmax, ymax) are averaged rather than centre and size, as MediaPipe does. Sums are kept in
/// float, also as MediaPipe does, so results agree with it to the last bit or so.
/// </remarks>
internal ref struct ScoreWeightedMean
{
    private readonly Span<float> _keypointSums;
    private readonly Span<float> _memberKeypoints;
    private float _left;
    private float _top;
    private float _right;
    private float _bottom;
    private float _totalScore;

    /// <summary>Starts an empty mean.</summary>
    /// <param name="keypointSums">Twelve slots for the weighted keypoint sums; cleared here.</param>
    /// <param name="memberKeypoints">Twelve scratch slots for reading one member's keypoints.</param>
    internal ScoreWeightedMean(Span<float> keypointSums, Span<float> memberKeypoints)
    {
        keypointSums.Clear();
        _keypointSums = keypointSums;
        _memberKeypoints = memberKeypoints;
    }

    /// <summary>Adds one member, weighted by its score.</summary>
    internal void Add(in FaceCandidate member)
    {
        float weight = member.Score;
        FaceBox box = member.BoundingBox;
        _left += box.X * weight;
        _top += box.Y * weight;
        _right += box.Right * weight;
        _bottom += box.Bottom * weight;
        _totalScore += weight;

        member.Keypoints.CopyTo(_memberKeypoints);
        for (int i = 0; i < _keypointSums.Length; i++)
        {
            _keypointSums[i] += _memberKeypoints[i] * weight;
        }
    }

    /// <summary>The blended detection: <paramref name="best"/>'s score with the weighted box and keypoints.</summary>
    /// <param name="best">The cluster's best member, whose score the result keeps.</param>
    internal readonly FaceCandidate ToCandidate(in FaceCandidate best)
    {
        // MediaPipe would divide by zero here (all-zero scores); keeping the best member as it is avoids NaNs.
        if (!(_totalScore > 0f))
        {
            return best;
        }

        float left = _left / _totalScore;
        float top = _top / _totalScore;
        var box = new FaceBox(left, top, (_right / _totalScore) - left, (_bottom / _totalScore) - top);
        for (int i = 0; i < _keypointSums.Length; i++)
        {
            _keypointSums[i] /= _totalScore;
        }

        return new FaceCandidate(best.Score, box, new FaceKeypoints(_keypointSums));
    }
}
