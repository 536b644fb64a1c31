using BlazeFace.PostProcessing;
using BlazeFace.PostProcessing.Decoding;
using BlazeFace.PostProcessing.Suppression;
using BlazeFace.Search;

namespace BlazeFace.Detection;

/// <summary>
/// A detector's options, validated, with the model's defaults filled in and the stages they choose: what every working
/// set of the detector shares, read-only.
/// </summary>
internal sealed class DetectorSettings
{
    /// <param name="options">The detector's options.</param>
    /// <param name="defaultEngine">The engine when the options name none (a face landmarker's own); null for the managed engine.</param>
    public DetectorSettings(FaceDetectorOptions options, NetworkEngine? defaultEngine = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        BlazeFaceModel model = options.Model ?? BlazeFaceModel.ShortRange;
        if (model.Spec.Detector is null)
        {
            throw OptionNotSupported(nameof(options.Model), $"The {model.Name} model is not a face detector; give a detector model (for example BlazeFaceModel.ShortRange).");
        }

        MinScore = options.MinScore ?? model.DefaultMinScore;
        if (!(MinScore >= 0f && MinScore <= 1f))
        {
            throw OptionOutOfRange(nameof(options.MinScore), options.MinScore, "FaceDetectorOptions.MinScore must lie in [0, 1].");
        }

        float iouThreshold = options.IouThreshold ?? model.DefaultIouThreshold;
        if (!(iouThreshold >= 0f && iouThreshold <= 1f))
        {
            throw OptionOutOfRange(nameof(options.IouThreshold), options.IouThreshold, "FaceDetectorOptions.IouThreshold must lie in [0, 1].");
        }

        if (options.MaxFaces < 1)
        {
            throw OptionOutOfRange(nameof(options.MaxFaces), options.MaxFaces, "FaceDetectorOptions.MaxFaces must allow at least one face.");
        }

        if (!Enum.IsDefined(options.ResizeMode))
        {
            throw OptionOutOfRange(nameof(options.ResizeMode), options.ResizeMode, "FaceDetectorOptions.ResizeMode is not a defined value.");
        }

        IouThreshold = iouThreshold;
        ResizeMode = options.ResizeMode;
        ClipToImage = options.ClipToImage;
        Decoder = options.AnchorDecoder ?? new BlazeFaceAnchorDecoder();
        Suppression = options.CustomNonMaxSuppression ?? options.NonMaxSuppression switch
        {
            NonMaxSuppressionKind.Weighted => new WeightedNonMaxSuppression(iouThreshold),
            NonMaxSuppressionKind.Hard => new HardNonMaxSuppression(iouThreshold),
            _ => throw OptionOutOfRange(nameof(options.NonMaxSuppression), options.NonMaxSuppression, "FaceDetectorOptions.NonMaxSuppression is not a defined value."),
        };

        Model = model;
        Engine = options.Engine ?? defaultEngine ?? NetworkEngine.Managed;
        MaxFaces = Math.Min(options.MaxFaces, model.AnchorCount);
        Search = new SearchSettings(InputSize, ResizeMode, MaxFaces, IouThreshold, MinScore, ClipToImage, Suppression);
    }

    /// <summary>What a multi-window search (tiles, orientations) needs of these settings.</summary>
    public SearchSettings Search { get; }

    public BlazeFaceModel Model { get; }

    public NetworkEngine Engine { get; }

    public int InputSize => Model.InputSize;

    public float MinScore { get; }

    public int MaxFaces { get; }

    /// <summary>The IoU threshold in effect (the option, or the model's default), also used to merge orientations.</summary>
    public float IouThreshold { get; }

    public ResizeMode ResizeMode { get; }

    public bool ClipToImage { get; }

    public IAnchorDecoder Decoder { get; }

    public INonMaxSuppression Suppression { get; }

    /// <summary>The constructor documents ParamName as the option's own name, which tells the caller what to fix.</summary>
    private static ArgumentOutOfRangeException OptionOutOfRange(string option, object? value, string message) => new(option, value, message);

    private static ArgumentException OptionNotSupported(string option, string message) => new(message, option);
}
