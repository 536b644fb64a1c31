using BlazeFace.PostProcessing.Suppression;

namespace BlazeFace;

/// <summary>One detected face: its score, bounding box and six keypoints, in the source image's pixels.</summary>
/// <param name="Score">Confidence in [0, 1].</param>
/// <param name="BoundingBox">
/// The face's axis-aligned bounding box. For a rotated search it is the box around <see cref="RotatedBoundingBox"/>.
/// Clipped to the image when <see cref="FaceDetectorOptions.ClipToImage"/> is set.
/// </param>
/// <param name="Keypoints">The six keypoints, in MediaPipe's order; never clipped.</param>
public readonly record struct FaceDetection(float Score, FaceBox BoundingBox, FaceKeypoints Keypoints) : IScoredBox
{
    /// <summary>Creates a detection with the box as the model found it in a rotated search.</summary>
    /// <param name="score">Confidence in [0, 1].</param>
    /// <param name="boundingBox">The axis-aligned bounding box.</param>
    /// <param name="keypoints">The six keypoints.</param>
    /// <param name="rotatedBoundingBox">The box as the model found it, turned with the search.</param>
    public FaceDetection(float score, FaceBox boundingBox, FaceKeypoints keypoints, RotatedBox rotatedBoundingBox)
        : this(score, boundingBox, keypoints)
    {
        RotatedBoundingBox = rotatedBoundingBox;
    }

    /// <summary>
    /// The box as the model found it, never clipped: axis-aligned (angle 0) for an unrotated search, turned by the
    /// search's rotation otherwise. A detection made with the three-value constructor gets
    /// <see cref="BoundingBox"/> here, unturned.
    /// </summary>
    public RotatedBox RotatedBoundingBox { get; init; } = RotatedBox.FromBox(BoundingBox);

    /// <summary>
    /// The face's in-plane rotation (roll) in degrees, in [-180, 180): the angle of the line from the right eye to
    /// the left eye in image coordinates, clockwise positive (y points down), 0 for an upright face. This is the
    /// rotation MediaPipe gives a face's region (DetectionsToRectsCalculator with keypoints 0 and 1, target 0°), in
    /// degrees instead of radians.
    /// </summary>
    public float Roll
    {
        get
        {
            FaceKeypoint right = Keypoints.RightEye;
            FaceKeypoint left = Keypoints.LeftEye;
            float degrees = (float)(Math.Atan2(left.Y - right.Y, left.X - right.X) * (180.0 / Math.PI));

            // Atan2 reaches +180 (and rounding can reach it from below); MediaPipe's NormalizeRadians keeps -180 instead.
            return degrees >= 180f ? degrees - 360f : degrees;
        }
    }
}
