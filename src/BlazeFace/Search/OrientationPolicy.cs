namespace BlazeFace.Search;

/// <summary>
/// How <see cref="ImageProcessingOptions.AutoRotate"/> decides a photo's orientation from its four searches, and what
/// a face seen in another orientation must score to be reported beside it.
/// </summary>
/// <remarks>
/// A photo has one orientation. Each extra orientation searched is another chance for texture to pass for a face
/// (searched upside down, the grey portrait of the bundled cameraman.png shows a false face scoring 0.545), so the
/// faces reported are those of the orientation that sees the best face; a face from another orientation (a person
/// lying down in an upright photo) must be clearly a face, scoring at least halfway from the detector's threshold to 1.
/// </remarks>
internal static class OrientationPolicy
{
    /// <summary>The score a face found in another orientation than the chosen one needs: halfway from the detector's threshold to 1 (0.75 for the short-range model's 0.5).</summary>
    /// <param name="minScore">The detector's score threshold.</param>
    public static float OtherOrientationMinScore(float minScore) => minScore + ((1f - minScore) / 2f);

    /// <summary>The orientation whose best face scores highest; on a tie (none finding a face included), the earliest, which is the photo as given.</summary>
    /// <param name="bestScores">Each orientation's best score, 0 where it found nothing; in search order.</param>
    public static int Choose(ReadOnlySpan<float> bestScores)
    {
        int chosen = 0;
        for (int i = 1; i < bestScores.Length; i++)
        {
            if (bestScores[i] > bestScores[chosen])
            {
                chosen = i;
            }
        }

        return chosen;
    }
}
