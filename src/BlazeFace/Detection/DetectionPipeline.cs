using BlazeFace.PostProcessing;
using BlazeFace.Preprocessing;

namespace BlazeFace;

/// <summary>The validated, immutable configuration every <see cref="DetectionContext"/> of a detector shares.</summary>
internal sealed class DetectionPipeline
{
    public DetectionPipeline(FaceDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Model = options.Model ?? BlazeFaceModel.ShortRange;
        bool shortRange = Model.Kind == BlazeFaceModelKind.ShortRange;
        MinScore = options.MinScore ?? (shortRange ? FaceDetectorOptions.ShortRangeDefaultMinScore : FaceDetectorOptions.FullRangeDefaultMinScore);
        if (!(MinScore >= 0f && MinScore <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MinScore, "FaceDetectorOptions.MinScore: The minimum score must lie in [0, 1].");
        }

        if (!(options.IouThreshold >= 0f && options.IouThreshold <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.IouThreshold, "FaceDetectorOptions.IouThreshold: The IoU threshold must lie in [0, 1].");
        }

        if (options.MaxFaces < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxFaces, "FaceDetectorOptions.MaxFaces: At least one face must be allowed.");
        }

        if (!Enum.IsDefined(options.ResizeMode))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ResizeMode, "FaceDetectorOptions.ResizeMode: Unknown resize mode.");
        }

        ResizeMode = options.ResizeMode;
        ClipToImage = options.ClipToImage;
        Anchors = SsdAnchorGenerator.Generate(shortRange ? SsdAnchorOptions.ShortRange : SsdAnchorOptions.FullRange);
        MaxFaces = Math.Min(options.MaxFaces, Anchors.Length);
        Decoder = options.AnchorDecoder ?? new BlazeFaceAnchorDecoder();
        Suppression = options.CustomNonMaxSuppression ?? options.NonMaxSuppression switch
        {
            NonMaxSuppressionKind.Weighted => new WeightedNonMaxSuppression(options.IouThreshold),
            NonMaxSuppressionKind.Hard => new HardNonMaxSuppression(options.IouThreshold),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.NonMaxSuppression, "FaceDetectorOptions.NonMaxSuppression: Unknown suppression kind."),
        };
    }

    public BlazeFaceModel Model { get; }

    public int InputSize => Model.InputSize;

    public float MinScore { get; }

    public int MaxFaces { get; }

    public ResizeMode ResizeMode { get; }

    public bool ClipToImage { get; }

    public Anchor[] Anchors { get; }

    public IAnchorDecoder Decoder { get; }

    public INonMaxSuppression Suppression { get; }
}
