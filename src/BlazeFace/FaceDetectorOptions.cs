using BlazeFace.PostProcessing;

namespace BlazeFace;

/// <summary>How a <see cref="FaceDetector"/> is configured. Every property has a documented default.</summary>
public sealed class FaceDetectorOptions
{
    /// <summary>The model to run. Default: <see cref="BlazeFaceModel.ShortRange"/>.</summary>
    /// <remarks>
    /// Use <see cref="BlazeFaceModel.FullRange"/> or <see cref="BlazeFaceModel.BackCamera"/>, or load your own with
    /// <see cref="BlazeFaceModel.FromFile"/>, <see cref="BlazeFaceModel.FromStream"/> or <see cref="BlazeFaceModel.FromBytes"/>.
    /// </remarks>
    public BlazeFaceModel? Model { get; init; }

    /// <summary>
    /// What runs the network. Default: null, meaning <see cref="NetworkEngine.Managed"/>, the library's own kernels.
    /// </summary>
    /// <remarks>
    /// The BlazeFace.OnnxRuntime package's <c>OnnxRuntimeEngine</c> runs it on ONNX Runtime with any execution
    /// provider; any <see cref="NetworkEngine"/> of your own plugs in the same way. Pre- and post-processing are the
    /// detector's whatever the engine. The detector does not own the engine: dispose an engine that holds resources
    /// after the detectors using it.
    /// </remarks>
    public NetworkEngine? Engine { get; init; }

    /// <summary>
    /// Faces scoring below this are dropped, in [0, 1]. Default: MediaPipe's value for the model,
    /// <see cref="BlazeFaceModel.DefaultMinScore"/> (0.5 short range, 0.6 full range, 0.65 back camera).
    /// </summary>
    public float? MinScore { get; init; }

    /// <summary>How overlapping candidates are resolved. Default: <see cref="NonMaxSuppressionKind.Weighted"/>, as MediaPipe does.</summary>
    public NonMaxSuppressionKind NonMaxSuppression { get; init; } = NonMaxSuppressionKind.Weighted;

    /// <summary>
    /// Candidates overlapping more than this (intersection over union) are merged or dropped, in [0, 1]. Default:
    /// MediaPipe's value for the model, <see cref="BlazeFaceModel.DefaultIouThreshold"/> (0.3 for the bundled models).
    /// </summary>
    public float? IouThreshold { get; init; }

    /// <summary>The most faces one call returns, at least 1. Default: 100.</summary>
    public int MaxFaces { get; init; } = 100;

    /// <summary>How the image is fitted into the square model input. Default: <see cref="ResizeMode.Letterbox"/>.</summary>
    public ResizeMode ResizeMode { get; init; } = ResizeMode.Letterbox;

    /// <summary>Whether boxes are clipped to the image. Default: true. Keypoints are never clipped.</summary>
    public bool ClipToImage { get; init; } = true;

    /// <summary>Advanced: replaces the anchor decoding stage. Default: null, meaning MediaPipe's decoding (box, keypoints and sigmoid score per anchor).</summary>
    /// <remarks>Called from every thread that calls Detect, so it must be thread-safe if the detector is shared.</remarks>
    public IAnchorDecoder? AnchorDecoder { get; init; }

    /// <summary>
    /// Advanced: replaces the suppression stage; when set, <see cref="NonMaxSuppression"/> and
    /// <see cref="IouThreshold"/> are not used. Default: null.
    /// </summary>
    /// <remarks>Called from every thread that calls Detect, so it must be thread-safe if the detector is shared.</remarks>
    public INonMaxSuppression? CustomNonMaxSuppression { get; init; }
}
