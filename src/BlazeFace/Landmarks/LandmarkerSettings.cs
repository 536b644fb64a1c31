using BlazeFace.Tracking;

namespace BlazeFace.Landmarks;

/// <summary>
/// A landmarker's options, validated, with the defaults filled in: what every working set and the video state share,
/// read-only. Each error's ParamName is the option's own name, which tells the caller what to fix.
/// </summary>
internal sealed class LandmarkerSettings
{
    /// <summary>The largest <see cref="FaceLandmarkerOptions.MaxFaces"/>: far more faces than a frame shows, small enough that per-face buffers stay modest.</summary>
    public const int MaxFacesLimit = 1024;

    public LandmarkerSettings(FaceLandmarkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        BlazeFaceModel model = options.Model ?? BlazeFaceModel.FaceLandmarks;
        if (model.Spec != Models.Specs.ModelSpecs.FaceLandmarks)
        {
            throw OptionNotSupported(nameof(options.Model), $"The {model.Name} model is not a face landmark model; give BlazeFaceModel.FaceLandmarks or a file with its graph.");
        }

        if (options.MaxFaces < 1 || options.MaxFaces > MaxFacesLimit)
        {
            throw OptionOutOfRange(nameof(options.MaxFaces), options.MaxFaces, $"FaceLandmarkerOptions.MaxFaces must lie in [1, {MaxFacesLimit}].");
        }

        if (!(options.MinPresence >= 0f && options.MinPresence <= 1f))
        {
            throw OptionOutOfRange(nameof(options.MinPresence), options.MinPresence, "FaceLandmarkerOptions.MinPresence must lie in [0, 1].");
        }

        if (!(options.TrackingIouThreshold > 0f && options.TrackingIouThreshold <= 1f))
        {
            throw OptionOutOfRange(nameof(options.TrackingIouThreshold), options.TrackingIouThreshold, "FaceLandmarkerOptions.TrackingIouThreshold must lie in (0, 1].");
        }

        if (!(options.SmoothingMinCutoff > 0f && float.IsFinite(options.SmoothingMinCutoff)))
        {
            throw OptionOutOfRange(nameof(options.SmoothingMinCutoff), options.SmoothingMinCutoff, "FaceLandmarkerOptions.SmoothingMinCutoff must be a positive, finite frequency in hertz.");
        }

        if (!(options.SmoothingBeta >= 0f && float.IsFinite(options.SmoothingBeta)))
        {
            throw OptionOutOfRange(nameof(options.SmoothingBeta), options.SmoothingBeta, "FaceLandmarkerOptions.SmoothingBeta must be 0 or more, and finite.");
        }

        if (!(options.SmoothingDerivativeCutoff > 0f && float.IsFinite(options.SmoothingDerivativeCutoff)))
        {
            throw OptionOutOfRange(nameof(options.SmoothingDerivativeCutoff), options.SmoothingDerivativeCutoff, "FaceLandmarkerOptions.SmoothingDerivativeCutoff must be a positive, finite frequency in hertz.");
        }

        Model = model;
        Engine = options.Engine ?? NetworkEngine.Managed;
        MaxFaces = options.MaxFaces;
        MinPresence = options.MinPresence;
        TrackingIouThreshold = options.TrackingIouThreshold;
        Smoothing = options.SmoothLandmarks
            ? new OneEuroSettings(options.SmoothingMinCutoff, options.SmoothingBeta, options.SmoothingDerivativeCutoff)
            : null;
    }

    /// <summary>The landmark model.</summary>
    public BlazeFaceModel Model { get; }

    /// <summary>What runs the landmark network.</summary>
    public NetworkEngine Engine { get; }

    public int MaxFaces { get; }

    public float MinPresence { get; }

    public float TrackingIouThreshold { get; }

    /// <summary>The One-Euro parameters of video smoothing, or null when smoothing is off.</summary>
    public OneEuroSettings? Smoothing { get; }

    /// <summary>The landmark model's input side in pixels (192).</summary>
    public int InputSize => Model.InputSize;

    private static ArgumentException OptionNotSupported(string option, string message) => new(message, option);

    private static ArgumentOutOfRangeException OptionOutOfRange(string option, object? value, string message) => new(option, value, message);
}
