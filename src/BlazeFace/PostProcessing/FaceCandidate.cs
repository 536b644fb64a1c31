using BlazeFace.PostProcessing.Suppression;

namespace BlazeFace.PostProcessing;

/// <summary>
/// A face the post-processing stages are still working on: a decoded anchor or a merged cluster, with coordinates
/// normalised to the model input ([0, 1] across it, not clipped). The detector turns survivors into
/// <see cref="FaceDetection"/>s in image pixels.
/// </summary>
/// <param name="Score">Confidence in [0, 1].</param>
/// <param name="BoundingBox">The box, normalised to the model input.</param>
/// <param name="Keypoints">The six keypoints, normalised to the model input, in MediaPipe's order.</param>
public readonly record struct FaceCandidate(float Score, FaceBox BoundingBox, FaceKeypoints Keypoints) : IScoredBox;
