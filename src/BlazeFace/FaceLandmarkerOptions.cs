namespace BlazeFace;

/// <summary>How a <see cref="FaceLandmarker"/> is configured. Every property has a documented default, MediaPipe's where it has one.</summary>
public sealed class FaceLandmarkerOptions
{
    /// <summary>
    /// How the faces are found: the options of the landmarker's own <see cref="FaceDetector"/>. Default: null, meaning
    /// the short-range model with MediaPipe's settings, which is the detector MediaPipe's face mesh runs.
    /// </summary>
    /// <remarks>
    /// Any detector model works; the full-range one finds smaller, farther faces. The detector's
    /// <see cref="FaceDetectorOptions.Engine"/> defaults to this object's <see cref="Engine"/>.
    /// </remarks>
    public FaceDetectorOptions? Detector { get; init; }

    /// <summary>
    /// The landmark model. Default: null, meaning <see cref="BlazeFaceModel.FaceLandmarks"/>, the bundled one; a file of
    /// your own must have its graph (<see cref="BlazeFaceModel.FromFile"/> recognises it).
    /// </summary>
    public BlazeFaceModel? Model { get; init; }

    /// <summary>
    /// What runs the landmark network, and the detector's too unless <see cref="Detector"/> names another. Default: null,
    /// meaning <see cref="NetworkEngine.Managed"/>. The landmarker does not own the engine: dispose an engine that holds
    /// resources after the landmarkers using it.
    /// </summary>
    public NetworkEngine? Engine { get; init; }

    /// <summary>
    /// The most faces one call maps, from 1 to 1024. Default: 1, MediaPipe's <c>num_faces</c>.
    /// </summary>
    /// <remarks>
    /// A still image maps the best <see cref="MaxFaces"/> detections. In video it also decides when the detector
    /// runs: only while fewer faces than this are followed, so with the default the detector runs on the first frame
    /// and again only when the face is lost; a larger value finds new faces sooner but runs the detector on every frame
    /// that has fewer faces than this.
    /// </remarks>
    public int MaxFaces { get; init; } = 1;

    /// <summary>
    /// Faces whose presence score (<see cref="FaceMesh.Presence"/>) is not above this are rejected, in [0, 1].
    /// Default: 0.5, MediaPipe's <c>min_tracking_confidence</c> (its landmark model's threshold).
    /// </summary>
    /// <remarks>In video a rejected face is lost, and the detector looks for faces again on the next frame.</remarks>
    public float MinPresence { get; init; } = 0.5f;

    /// <summary>
    /// In video, a face the detector finds whose region overlaps a followed face's by more than this (intersection over
    /// union of the regions' axis-aligned extents) is that face, in (0, 1]. Default: 0.5, MediaPipe's
    /// <c>min_similarity_threshold</c>.
    /// </summary>
    public float TrackingIouThreshold { get; init; } = 0.5f;

    /// <summary>
    /// In video, whether the landmarks are smoothed over time with a One-Euro filter (Casiez et al., CHI 2012) per
    /// coordinate, driven by the timestamps, as MediaPipe's Tasks FaceLandmarker does. Default: true. Still images
    /// are never smoothed.
    /// </summary>
    /// <remarks>
    /// Each coordinate's cut-off frequency is <see cref="SmoothingMinCutoff"/> + <see cref="SmoothingBeta"/> x its
    /// speed in face sizes per second (the face's size being the mean width and height of its landmarks' box), so one
    /// setting fits near and far faces. The next frame's region comes from the unsmoothed landmarks, as in MediaPipe.
    /// </remarks>
    public bool SmoothLandmarks { get; init; } = true;

    /// <summary>The smoothing's cut-off frequency for a still face, in hertz; positive. Default: 0.05, MediaPipe's.</summary>
    public float SmoothingMinCutoff { get; init; } = 0.05f;

    /// <summary>How fast the cut-off rises with speed, in hertz per (face size per second); 0 or more. Default: 80, MediaPipe's.</summary>
    public float SmoothingBeta { get; init; } = 80f;

    /// <summary>The cut-off frequency of the speed estimates, in hertz; positive. Default: 1, MediaPipe's.</summary>
    public float SmoothingDerivativeCutoff { get; init; } = 1f;
}
