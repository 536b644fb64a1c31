namespace BlazeFace.PostProcessing;

/// <summary>
/// Classic greedy non-maximum suppression: candidates are taken best first and one is kept unless it overlaps an
/// already kept detection by more than <see cref="IouThreshold"/>. Boxes are never merged.
/// </summary>
/// <remarks>
/// This is the BlazeFace paper's baseline and the PyTorch ports' default, and MediaPipe's DEFAULT algorithm in
/// <c>NonMaxSuppressionCalculator</c>. MediaPipe's face graphs use <see cref="WeightedNonMaxSuppression"/> instead,
/// which is steadier from frame to frame. Equal scores are taken in input order (MediaPipe leaves them unordered).
/// Instances are immutable and safe to share between threads; <see cref="Suppress"/> does not allocate.
/// </remarks>
public sealed class HardNonMaxSuppression : INonMaxSuppression, IScoreOrderedRule
{
    /// <summary>Creates the suppression.</summary>
    /// <param name="iouThreshold">Intersection over union above which (strictly) a candidate is dropped; in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iouThreshold"/> is outside [0, 1] or NaN.</exception>
    public HardNonMaxSuppression(float iouThreshold)
    {
        IouThreshold = ScoreOrderedSuppression.CheckThreshold(iouThreshold);
    }

    /// <summary>Intersection over union above which (strictly) a candidate is suppressed.</summary>
    public float IouThreshold { get; }

    /// <inheritdoc/>
    /// <remarks>The candidates are left in place. Stops as soon as <paramref name="destination"/> is full.</remarks>
    /// <exception cref="ArgumentException"><paramref name="destination"/> overlaps <paramref name="candidates"/>.</exception>
    public int Suppress(Span<FaceCandidate> candidates, Span<FaceCandidate> destination) =>
        ScoreOrderedSuppression.Run(this, candidates, destination);

    int IScoreOrderedRule.Suppress(ReadOnlySpan<FaceCandidate> candidates, Span<ulong> order, Span<FaceCandidate> destination)
    {
        int written = 0;
        foreach (ulong key in order)
        {
            FaceCandidate candidate = candidates[ScoreOrder.CandidateIndex(key)];

            // Testing against kept detections only is the same greedy rule as "keep the best, drop everything
            // overlapping it, repeat": a candidate dropped earlier never suppresses anything.
            if (!OverlapsAny(candidate.BoundingBox, destination[..written]))
            {
                destination[written++] = candidate;
                if (written == destination.Length)
                {
                    break;
                }
            }
        }

        return written;
    }

    private bool OverlapsAny(FaceBox box, ReadOnlySpan<FaceCandidate> kept)
    {
        foreach (FaceCandidate detection in kept)
        {
            if (detection.BoundingBox.IntersectionOverUnion(box) > IouThreshold)
            {
                return true;
            }
        }

        return false;
    }
}
