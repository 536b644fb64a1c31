namespace BlazeFace;

/// <summary>One detected face: its score, bounding box and six keypoints.</summary>
/// <remarks>
/// The detector returns coordinates in the source image's pixels. Inside the pipeline (decoding and
/// non-maximum suppression) the same type carries coordinates normalised to the model input, [0, 1].
/// </remarks>
/// <param name="Score">Confidence in [0, 1].</param>
/// <param name="BoundingBox">The face's bounding box.</param>
/// <param name="Keypoints">The six keypoints, in MediaPipe's order.</param>
public readonly record struct FaceDetection(float Score, FaceBox BoundingBox, FaceKeypoints Keypoints);
