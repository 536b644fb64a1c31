namespace BlazeFace.PostProcessing.Suppression;

/// <summary>
/// Orders detections best first, ties in input order, without moving them: each detection becomes one 64-bit
/// key (score rank in the high half, input position in the low half) and the keys are sorted.
/// </summary>
/// <remarks>
/// MediaPipe sorts with <c>std::sort</c>, which leaves equal scores in an unspecified order. Breaking ties by
/// input position is a deliberate difference: it makes the output deterministic and testable, and since the
/// decoder emits candidates in anchor order it matches what a stable sort of MediaPipe's input would give.
/// Sorting primitive keys rather than 68-byte detections is also what keeps this O(n log n) and allocation-free.
/// </remarks>
internal static class ScoreOrder
{
    /// <summary>Up to this many candidates, callers keep the keys on the stack (8 KiB); beyond, they rent them.</summary>
    internal const int StackKeyLimit = 1024;

    /// <summary>Writes one key per detection into <paramref name="keys"/> and sorts them best first.</summary>
    /// <param name="detections">The detections, fewer than 2³¹.</param>
    /// <param name="keys">Exactly <c>detections.Length</c> slots.</param>
    internal static void Sort<T>(ReadOnlySpan<T> detections, Span<ulong> keys)
        where T : struct, IScoredBox
    {
        for (int i = 0; i < detections.Length; i++)
        {
            keys[i] = ((ulong)DescendingRank(detections[i].Score) << 32) | (uint)i;
        }

        keys.Sort();
    }

    /// <summary>The input position a sorted key refers to.</summary>
    internal static int DetectionIndex(ulong key) => (int)(uint)key;

    /// <summary>An unsigned value that increases as <paramref name="score"/> decreases (higher scores sort first).</summary>
    private static uint DescendingRank(float score)
    {
        // -0 and +0 are equal scores and must tie; their bit patterns differ, so fold them first.
        if (score == 0f)
        {
            score = 0f;
        }

        // The standard order-preserving map from IEEE floats to unsigned integers: flip all bits of negatives,
        // only the sign bit of positives. Inverting the result turns ascending into descending.
        uint bits = BitConverter.SingleToUInt32Bits(score);
        uint ascending = (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
        return ~ascending;
    }
}
