using BlazeFace.PostProcessing;
using BlazeFace.Preprocessing;

namespace BlazeFace;

/// <summary>How a <see cref="FaceDetector"/> is configured. Every property has a documented default.</summary>
public sealed class FaceDetectorOptions
{
    /// <summary>MediaPipe's score threshold for the short-range model.</summary>
    public const float ShortRangeDefaultMinScore = 0.5f;

    /// <summary>MediaPipe's score threshold for the full-range model.</summary>
    public const float FullRangeDefaultMinScore = 0.6f;

    /// <summary>The model to run. Default: <see cref="BlazeFaceModel.ShortRange"/>.</summary>
    /// <remarks>Use <see cref="BlazeFaceModel.FullRange"/>, or load your own with <see cref="BlazeFaceModel.FromFile"/> or <see cref="BlazeFaceModel.FromStream"/>.</remarks>
    public BlazeFaceModel? Model { get; init; }

    /// <summary>
    /// Faces scoring below this are dropped, in [0, 1]. Default: MediaPipe's value for the model,
    /// <see cref="ShortRangeDefaultMinScore"/> or <see cref="FullRangeDefaultMinScore"/>.
    /// </summary>
    public float? MinScore { get; init; }

    /// <summary>How overlapping candidates are resolved. Default: <see cref="NonMaxSuppressionKind.Weighted"/>, as MediaPipe does.</summary>
    public NonMaxSuppressionKind NonMaxSuppression { get; init; } = NonMaxSuppressionKind.Weighted;

    /// <summary>Candidates overlapping more than this (intersection over union) are merged or dropped, in [0, 1]. Default: 0.3.</summary>
    public float IouThreshold { get; init; } = 0.3f;

    /// <summary>The most faces one call returns, at least 1. Default: 100.</summary>
    public int MaxFaces { get; init; } = 100;

    /// <summary>How the image is fitted into the square model input. Default: <see cref="ResizeMode.Letterbox"/>.</summary>
    public ResizeMode ResizeMode { get; init; } = ResizeMode.Letterbox;

    /// <summary>Whether boxes are clipped to the image. Default: true. Keypoints are never clipped.</summary>
    public bool ClipToImage { get; init; } = true;

    /// <summary>Replaces the anchor decoding stage. Default: null, meaning <see cref="BlazeFaceAnchorDecoder"/>.</summary>
    /// <remarks>Called from every thread that calls Detect, so it must be thread-safe if the detector is shared.</remarks>
    public IAnchorDecoder? AnchorDecoder { get; init; }

    /// <summary>
    /// Replaces the suppression stage; when set, <see cref="NonMaxSuppression"/> and <see cref="IouThreshold"/> are not used.
    /// Default: null.
    /// </summary>
    /// <remarks>Called from every thread that calls Detect, so it must be thread-safe if the detector is shared.</remarks>
    public INonMaxSuppression? CustomNonMaxSuppression { get; init; }
}
