namespace BlazeFace.Models.Specs;

internal static partial class ModelSpecs
{
    /// <summary>
    /// MediaPipe's own full-range model, face_detection_full_range_sparse.tflite: the file MediaPipe's face detection
    /// graphs (mediapipe/modules/face_detection/face_detection_full_range*.pbtxt) and its JavaScript and Python
    /// solutions (model_selection=1, model 'full') load. A network of its own with 70%-sparse 1x1 weights; its
    /// post-processing is the dense full-range model's (face_detection_full_range_common.pbtxt): one anchor layer at
    /// stride 4 with no interpolated anchor (2304), score 0.6, IoU 0.3.
    /// </summary>
    public static ModelSpec FullRangeSparse { get; } = new()
    {
        Name = "full-range-sparse",
        BundledFileName = "face_detection_full_range_sparse.tflite",
        OutputNames = DetectorOutputNames,
        Description = DetectorDescription,
        Detector = FullRangeDetector,
    };
}
