namespace BlazeFace.PostProcessing.Decoding;

/// <summary>
/// The raw score logit below which an anchor cannot reach a minimum score, so that the decoder can reject
/// background anchors by comparing logits instead of computing a sigmoid for each of them.
/// </summary>
internal static class SurvivorLogitBound
{
    /// <summary>
    /// Relative slack on the minimum score. The float sigmoid <c>1 / (1 + exp(-x))</c> is within a few units in
    /// the last place (under 3e-7 relative) of the exact one, so a bound on the exact sigmoid loosened by 1e-6 is
    /// safe for the float one.
    /// </summary>
    private const double ScoreSlack = 1e-6;

    /// <summary>
    /// A logit bound such that every anchor whose float score reaches <paramref name="minScore"/> has a raw logit
    /// at or above it. A few anchors just below the score may pass too; the caller still tests their actual score.
    /// </summary>
    /// <param name="minScore">The minimum score; not NaN.</param>
    /// <param name="clippingThreshold">Logits are clamped to ± this before the sigmoid; positive.</param>
    internal static float For(float minScore, float clippingThreshold)
    {
        if (minScore <= 0f)
        {
            return float.NegativeInfinity;
        }

        if (minScore > 1f)
        {
            // No sigmoid reaches it; the exact score test rejects any anchor this lets through.
            return float.PositiveInfinity;
        }

        // The sigmoid is increasing, so score >= minScore exactly when logit >= logit(minScore).
        double loosened = minScore * (1.0 - ScoreSlack);
        double bound = Math.Log(loosened / (1.0 - loosened));

        // A logit below -clippingThreshold scores sigmoid(-clippingThreshold), not less: if even that reaches the
        // bound, every anchor can survive and no logit may be rejected.
        if (bound <= -clippingThreshold)
        {
            return float.NegativeInfinity;
        }

        // Rounding the double to float could move the bound up by half a unit; stepping down keeps it a lower bound.
        return MathF.BitDecrement((float)bound);
    }
}
