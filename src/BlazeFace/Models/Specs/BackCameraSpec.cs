namespace BlazeFace.Models.Specs;

internal static partial class ModelSpecs
{
    /// <summary>
    /// MediaPipe's 2020 back-camera model, face_detection_back.tflite: 256x256, for faces farther from a rear camera.
    /// Settings from MediaPipe's face detection back graphs (mediapipe/graphs/face_detection/
    /// face_detection_back_desktop_live.pbtxt, mediapipe/modules/face_detection/face_detection_back_*.pbtxt): 4
    /// anchor layers at strides 16, 32, 32, 32, scales 0.15625 to 0.75 (2 anchors per 16x16 cell, 6 per 8x8 cell:
    /// 896), score 0.65, IoU 0.3.
    /// </summary>
    public static ModelSpec BackCamera { get; } = new()
    {
        Name = "back-camera",
        BundledFileName = "face_detection_back.tflite",
        OutputNames = DetectorOutputNames,
        Description = DetectorDescription,
        Detector = new DetectorSpec
        {
            Strides = [16, 32, 32, 32],
            MinScale = 0.15625f,
            MaxScale = 0.75f,
            InterpolatedScaleAspectRatio = 1.0f,
            MinScore = 0.65f,
            IouThreshold = 0.3f,
        },
    };
}
