namespace BlazeFace.Tracking;

/// <summary>Checks a <see cref="FaceTrackerOptions"/>; each error's ParamName is the option's own name, which tells the caller what to fix.</summary>
internal static class FaceTrackerOptionsValidator
{
    /// <summary>The largest <see cref="FaceTrackerOptions.MaxTracks"/>: the assignment's cost matrix grows with its square.</summary>
    public static int MaxTracksLimit => 1024;

    public static void Validate(FaceTrackerOptions options)
    {
        if (options.MinHits < 1)
        {
            throw OptionOutOfRange(nameof(options.MinHits), options.MinHits, "FaceTrackerOptions.MinHits must be at least 1.");
        }

        if (options.MaxMissedFrames < 0)
        {
            throw OptionOutOfRange(nameof(options.MaxMissedFrames), options.MaxMissedFrames, "FaceTrackerOptions.MaxMissedFrames cannot be negative.");
        }

        if (!(options.MinIou > 0f && options.MinIou <= 1f))
        {
            throw OptionOutOfRange(nameof(options.MinIou), options.MinIou, "FaceTrackerOptions.MinIou must lie in (0, 1].");
        }

        if (options.MaxTracks < 1 || options.MaxTracks > MaxTracksLimit)
        {
            throw OptionOutOfRange(nameof(options.MaxTracks), options.MaxTracks, $"FaceTrackerOptions.MaxTracks must lie in [1, {MaxTracksLimit}].");
        }

        if (!(options.MinCutoff > 0f && float.IsFinite(options.MinCutoff)))
        {
            throw OptionOutOfRange(nameof(options.MinCutoff), options.MinCutoff, "FaceTrackerOptions.MinCutoff must be a positive, finite frequency in hertz.");
        }

        if (!(options.Beta >= 0f && float.IsFinite(options.Beta)))
        {
            throw OptionOutOfRange(nameof(options.Beta), options.Beta, "FaceTrackerOptions.Beta must be 0 or more, and finite.");
        }

        if (!(options.DerivativeCutoff > 0f && float.IsFinite(options.DerivativeCutoff)))
        {
            throw OptionOutOfRange(nameof(options.DerivativeCutoff), options.DerivativeCutoff, "FaceTrackerOptions.DerivativeCutoff must be a positive, finite frequency in hertz.");
        }
    }

    private static ArgumentOutOfRangeException OptionOutOfRange(string option, object? value, string message) => new(option, value, message);
}
