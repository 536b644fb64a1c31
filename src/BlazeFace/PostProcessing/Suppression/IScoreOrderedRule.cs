namespace BlazeFace.PostProcessing;

/// <summary>A suppression rule applied to candidates already ordered best first.</summary>
internal interface IScoreOrderedRule
{
    /// <summary>Writes the survivors to <paramref name="destination"/>; <paramref name="order"/> may be reused as scratch.</summary>
    int Suppress(ReadOnlySpan<FaceCandidate> candidates, Span<ulong> order, Span<FaceCandidate> destination);
}
