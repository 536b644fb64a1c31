namespace BlazeFace.Models.Specs;

internal static partial class ModelSpecs
{
    /// <summary>
    /// MediaPipe's short-range (front camera) model, face_detection_front.tflite (npm's face_detection_short_range.tflite):
    /// 128x128, faces within about 2 m. Settings from mediapipe/modules/face_detection/face_detection_short_range.pbtxt
    /// and face_detection.pbtxt: 4 anchor layers at strides 8, 16, 16, 16 (2 anchors per 16x16 cell, 6 per 8x8 cell:
    /// 896), score 0.5, IoU 0.3.
    /// </summary>
    public static ModelSpec ShortRange { get; } = new()
    {
        Name = "short-range",
        BundledFileName = "face_detection_front.tflite",
        OutputNames = DetectorOutputNames,
        Description = DetectorDescription,
        Detector = new DetectorSpec
        {
            Strides = [8, 16, 16, 16],
            MinScale = 0.1484375f,
            MaxScale = 0.75f,
            InterpolatedScaleAspectRatio = 1.0f,
            MinScore = 0.5f,
            IouThreshold = 0.3f,
        },
    };
}
