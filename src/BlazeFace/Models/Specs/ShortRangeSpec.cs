using BlazeFace.Network;

namespace BlazeFace.Models;

internal sealed partial class ModelSpec
{
    /// <summary>
    /// MediaPipe's short-range (front camera) model, face_detection_front.tflite: 128x128, faces within about 2 m.
    /// Settings from mediapipe/modules/face_detection/face_detection_short_range.pbtxt and face_detection.pbtxt:
    /// 4 anchor layers at strides 8, 16, 16, 16 (2 anchors per 16x16 cell, 6 per 8x8 cell: 896), score 0.5, IoU 0.3.
    /// </summary>
    public static ModelSpec ShortRange { get; } = new(
        BlazeFaceModelKind.ShortRange,
        name: "short-range",
        bundledFileName: "face_detection_front.tflite",
        inputSize: 128,
        ShortRangeArchitecture.Build,
        new AnchorLayout(Strides: [8, 16, 16, 16], MinScale: 0.1484375f, MaxScale: 0.75f, InterpolatedScaleAspectRatio: 1.0f),
        defaultMinScore: 0.5f,
        defaultIouThreshold: 0.3f);
}
