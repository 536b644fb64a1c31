namespace BlazeFace.PostProcessing;

/// <summary>
/// MediaPipe's WEIGHTED non-maximum suppression, the one its face detection graphs use: the best remaining
/// candidate and every remaining candidate overlapping it by more than <see cref="IouThreshold"/> form a cluster,
/// which becomes one detection with the best candidate's score and the cluster's score-weighted mean box and
/// keypoints; the cluster is removed and the process repeats.
/// </summary>
/// <remarks>
/// <para>Deliberate differences from MediaPipe's <c>non_max_suppression_calculator.cc</c>:</para>
/// <list type="bullet">
/// <item>Equal scores are taken in input order; MediaPipe's <c>std::sort</c> leaves them unordered.</item>
/// <item>
/// The best candidate always belongs to its own cluster. MediaPipe tests it against itself like any other, so an
/// empty box (IoU 0) or a threshold of 1 leaves it out, and MediaPipe then emits it unmerged and stops, dropping
/// every remaining candidate.
/// </item>
/// <item>
/// Output stops when <c>destination</c> is full; MediaPipe's weighted path ignores <c>max_num_detections</c>. Since
/// clusters come out best first, this is the same as truncating MediaPipe's output.
/// </item>
/// </list>
/// <para>Instances are immutable and safe to share between threads; <see cref="Suppress"/> does not allocate.</para>
/// </remarks>
public sealed class WeightedNonMaxSuppression : INonMaxSuppression, IScoreOrderedRule
{
    /// <summary>Creates the suppression.</summary>
    /// <param name="iouThreshold">Intersection over union with the cluster's best candidate above which (strictly) a candidate joins it; in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iouThreshold"/> is outside [0, 1] or NaN.</exception>
    public WeightedNonMaxSuppression(float iouThreshold)
    {
        IouThreshold = ScoreOrderedSuppression.CheckThreshold(iouThreshold);
    }

    /// <summary>Intersection over union with a cluster's best candidate above which (strictly) a candidate joins the cluster.</summary>
    public float IouThreshold { get; }

    /// <inheritdoc/>
    /// <remarks>The candidates are left in place.</remarks>
    /// <exception cref="ArgumentException"><paramref name="destination"/> overlaps <paramref name="candidates"/>.</exception>
    public int Suppress(Span<FaceCandidate> candidates, Span<FaceCandidate> destination) =>
        ScoreOrderedSuppression.Run(this, candidates, destination);

    int IScoreOrderedRule.Suppress(ReadOnlySpan<FaceCandidate> candidates, Span<ulong> order, Span<FaceCandidate> destination)
    {
        Span<float> keypointSums = stackalloc float[2 * FaceKeypoints.Count];
        Span<float> memberKeypoints = stackalloc float[2 * FaceKeypoints.Count];
        int remainingCount = candidates.Length;
        int written = 0;
        while (remainingCount > 0 && written < destination.Length)
        {
            remainingCount = TakeBestCluster(candidates, order[..remainingCount], keypointSums, memberKeypoints, out destination[written]);
            written++;
        }

        return written;
    }

    /// <summary>
    /// Merges the cluster around the best of <paramref name="remaining"/> into <paramref name="merged"/> and
    /// compacts the rest, still best first, to the front of <paramref name="remaining"/>.
    /// </summary>
    /// <returns>How many candidates remain.</returns>
    private int TakeBestCluster(
        ReadOnlySpan<FaceCandidate> candidates, Span<ulong> remaining, Span<float> keypointSums, Span<float> memberKeypoints, out FaceCandidate merged)
    {
        FaceCandidate best = candidates[ScoreOrder.CandidateIndex(remaining[0])];
        var mean = new ScoreWeightedMean(keypointSums, memberKeypoints);
        mean.Add(best);

        int kept = 0;
        for (int i = 1; i < remaining.Length; i++)
        {
            FaceCandidate candidate = candidates[ScoreOrder.CandidateIndex(remaining[i])];

            // Membership is overlap with the best candidate itself, not with any member: clusters do not chain.
            if (best.BoundingBox.IntersectionOverUnion(candidate.BoundingBox) > IouThreshold)
            {
                mean.Add(candidate);
            }
            else
            {
                remaining[kept++] = remaining[i];
            }
        }

        merged = mean.ToCandidate(best);
        return kept;
    }
}
