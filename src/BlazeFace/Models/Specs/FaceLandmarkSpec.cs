namespace BlazeFace.Models.Specs;

internal static partial class ModelSpecs
{
    /// <summary>
    /// MediaPipe's face-landmark model, face_landmark.tflite (the 468-point face mesh of
    /// mediapipe/modules/face_landmark/face_landmark_cpu.pbtxt): 192x192 RGB crops of one face in [0, 1] (not the
    /// detectors' [-1, 1]). Not a detector: its outputs are read by the landmark stage, not decoded against anchors.
    /// </summary>
    public static ModelSpec FaceLandmarks { get; } = new()
    {
        Name = "face-landmarks",
        BundledFileName = "face_landmark.tflite",
        OutputNames = ["landmarks", "presence"],
        Description =
            "Input NHWC RGB scaled to [0, 1]: a crop around one face. Outputs 'landmarks' [1, 1, 1, 1404] (468 points x, y, z, in input pixels; z is relative depth on the scale of x, smaller nearer the camera) and 'presence' [1, 1, 1, 1] (face-presence logit; MediaPipe takes its sigmoid and keeps the face above 0.5).",
    };
}
