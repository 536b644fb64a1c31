namespace BlazeFace.Models.Specs;

internal static partial class ModelSpecs
{
    /// <summary>
    /// MediaPipe's full-range model, face_detection_full_range.tflite: 192x192, faces within about 5 m. Settings from
    /// mediapipe/modules/face_detection/face_detection_full_range.pbtxt and face_detection.pbtxt: one anchor layer at
    /// stride 4 with no interpolated anchor (one anchor per 48x48 cell: 2304), score 0.6, IoU 0.3.
    /// </summary>
    public static ModelSpec FullRange { get; } = new()
    {
        Name = "full-range",
        BundledFileName = "face_detection_full_range.tflite",
        OutputNames = DetectorOutputNames,
        Description = DetectorDescription,
        Detector = FullRangeDetector,
    };

    /// <summary>
    /// The post-processing of both full-range models (face_detection_full_range_common.pbtxt). A property that builds
    /// it, not a field: specs in other files use it, and static initialisers run in no defined order across files.
    /// </summary>
    private static DetectorSpec FullRangeDetector => new()
    {
        Strides = [4],
        MinScale = 0.1484375f,
        MaxScale = 0.75f,
        InterpolatedScaleAspectRatio = 0.0f,
        MinScore = 0.6f,
        IouThreshold = 0.3f,
    };
}
