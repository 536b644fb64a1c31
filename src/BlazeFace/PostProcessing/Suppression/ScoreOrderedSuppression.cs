using System.Buffers;

namespace BlazeFace.PostProcessing;

/// <summary>
/// What the suppressions share: argument checks, and candidate keys sorted best first (<see cref="ScoreOrder"/>) on
/// the stack, or in a rented array for unusually many candidates, so that no call allocates.
/// </summary>
internal static class ScoreOrderedSuppression
{
    /// <summary>Checks an IoU threshold argument: it must lie in [0, 1] (NaN fails).</summary>
    public static float CheckThreshold(float iouThreshold) => iouThreshold >= 0f && iouThreshold <= 1f
        ? iouThreshold
        : throw new ArgumentOutOfRangeException(nameof(iouThreshold), iouThreshold, "The IoU threshold must lie in [0, 1].");

    /// <summary>Sorts the candidates' keys best first and lets <paramref name="rule"/> suppress in that order.</summary>
    public static int Run<TRule>(TRule rule, ReadOnlySpan<FaceCandidate> candidates, Span<FaceCandidate> destination)
        where TRule : IScoreOrderedRule
    {
        if (candidates.Overlaps(destination))
        {
            throw new ArgumentException("Destination must not overlap the candidates.", nameof(destination));
        }

        if (candidates.IsEmpty || destination.IsEmpty)
        {
            return 0;
        }

        ulong[]? rented = null;
        Span<ulong> order = candidates.Length <= ScoreOrder.StackKeyLimit
            ? stackalloc ulong[candidates.Length]
            : (rented = ArrayPool<ulong>.Shared.Rent(candidates.Length)).AsSpan(0, candidates.Length);
        try
        {
            ScoreOrder.Sort(candidates, order);
            return rule.Suppress(candidates, order, destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<ulong>.Shared.Return(rented);
            }
        }
    }
}
