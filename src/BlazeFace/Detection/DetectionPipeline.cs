using BlazeFace.Models;
using BlazeFace.PostProcessing;

namespace BlazeFace;

/// <summary>
/// What every working set of a detector shares, all read-only, whichever engine runs the network: the model (its
/// spec and anchors) and the validated options with the model's defaults filled in.
/// </summary>
internal sealed class DetectionPipeline
{
    public DetectionPipeline(FaceDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        BlazeFaceModel model = options.Model ?? BlazeFaceModel.ShortRange;
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
        MaxFaces = Math.Min(options.MaxFaces, model.AnchorCount);
    }

    public BlazeFaceModel Model { get; }

    public ModelSpec Spec => Model.Spec;

    public int InputSize => Spec.InputSize;

    /// <summary>The anchors the network's outputs are relative to, in output order.</summary>
    public ReadOnlySpan<Anchor> Anchors => Spec.Anchors;

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
}
