using System.Buffers;

namespace BlazeFace.PostProcessing.Suppression;

/// <summary>
/// The one suppression loop every stage uses (hard and weighted non-maximum suppression of candidates, and the merge
/// of a search's orientations): detections are taken best first, and a detection overlapping a better one by more
/// than the IoU threshold is dropped (hard) or blended into it (weighted).
/// </summary>
/// <remarks>
/// <para>
/// The tie rule, everywhere: equal scores are taken in input order (<see cref="ScoreOrder"/>). MediaPipe's
/// <c>std::sort</c> leaves them unordered; a fixed order makes results deterministic, and since the decoder emits
/// candidates in anchor order and a search its windows in a fixed order, it is what a stable sort would give.
/// </para>
/// <para>
/// The order is kept as 64-bit keys on the stack (in a rented array for unusually many detections), so no call
/// allocates; the detections themselves are never moved.
/// </para>
/// </remarks>
internal static class SuppressionCore
{
    /// <summary>Checks an IoU threshold argument: it must lie in [0, 1] (NaN fails).</summary>
    public static float CheckThreshold(float iouThreshold, string paramName = "iouThreshold") => iouThreshold >= 0f && iouThreshold <= 1f
        ? iouThreshold
        : throw new ArgumentOutOfRangeException(paramName, iouThreshold, "The IoU threshold must lie in [0, 1].");

    /// <summary>Greedy hard suppression: keeps a detection unless it overlaps an already kept one by more than <paramref name="iouThreshold"/>.</summary>
    /// <returns>How many survivors were written to <paramref name="destination"/>, best first.</returns>
    public static int Hard<T>(ReadOnlySpan<T> detections, float iouThreshold, Span<T> destination)
        where T : struct, IScoredBox => Run(new HardRule<T>(iouThreshold), detections, destination);

    /// <summary>
    /// MediaPipe's weighted suppression: the best remaining candidate and every remaining one overlapping it by more
    /// than <paramref name="iouThreshold"/> become one detection with the best one's score and the cluster's
    /// score-weighted mean box and keypoints.
    /// </summary>
    /// <returns>How many detections were written to <paramref name="destination"/>, best first.</returns>
    public static int Weighted(ReadOnlySpan<FaceCandidate> candidates, float iouThreshold, Span<FaceCandidate> destination) =>
        Run(new WeightedRule(iouThreshold), candidates, destination);

    private static int Run<T, TRule>(TRule rule, ReadOnlySpan<T> detections, Span<T> destination)
        where T : struct, IScoredBox
        where TRule : struct, IRule<T>
    {
        if (detections.Overlaps(destination))
        {
            throw new ArgumentException("Destination must not overlap the detections.", nameof(destination));
        }

        if (detections.IsEmpty || destination.IsEmpty)
        {
            return 0;
        }

        ulong[]? rented = null;
        Span<ulong> order = detections.Length <= ScoreOrder.StackKeyLimit
            ? stackalloc ulong[detections.Length]
            : (rented = ArrayPool<ulong>.Shared.Rent(detections.Length)).AsSpan(0, detections.Length);
        try
        {
            ScoreOrder.Sort(detections, order);
            return rule.Suppress(detections, order, destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<ulong>.Shared.Return(rented);
            }
        }
    }

    /// <summary>A rule applied to detections already ordered best first; <c>order</c> may be reused as scratch.</summary>
    private interface IRule<T>
    {
        int Suppress(ReadOnlySpan<T> detections, Span<ulong> order, Span<T> destination);
    }

    private readonly struct HardRule<T>(float iouThreshold) : IRule<T>
        where T : struct, IScoredBox
    {
        public int Suppress(ReadOnlySpan<T> detections, Span<ulong> order, Span<T> destination)
        {
            int written = 0;
            foreach (ulong key in order)
            {
                T detection = detections[ScoreOrder.DetectionIndex(key)];

                // Testing against kept detections only is the same greedy rule as "keep the best, drop everything
                // overlapping it, repeat": a detection dropped earlier never suppresses anything.
                if (!OverlapsAny(detection.BoundingBox, destination[..written]))
                {
                    destination[written++] = detection;
                    if (written == destination.Length)
                    {
                        break;
                    }
                }
            }

            return written;
        }

        private bool OverlapsAny(FaceBox box, ReadOnlySpan<T> kept)
        {
            foreach (T other in kept)
            {
                if (other.BoundingBox.IntersectionOverUnion(box) > iouThreshold)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private readonly struct WeightedRule(float iouThreshold) : IRule<FaceCandidate>
    {
        public int Suppress(ReadOnlySpan<FaceCandidate> candidates, Span<ulong> order, Span<FaceCandidate> destination)
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
            FaceCandidate best = candidates[ScoreOrder.DetectionIndex(remaining[0])];
            var mean = new ScoreWeightedMean(keypointSums, memberKeypoints);
            mean.Add(best);

            int kept = 0;
            for (int i = 1; i < remaining.Length; i++)
            {
                FaceCandidate candidate = candidates[ScoreOrder.DetectionIndex(remaining[i])];

                // Membership is overlap with the best candidate itself, not with any member: clusters do not chain.
                if (best.BoundingBox.IntersectionOverUnion(candidate.BoundingBox) > iouThreshold)
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
}
