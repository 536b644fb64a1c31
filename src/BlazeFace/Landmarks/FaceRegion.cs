using System.Numerics;
using BlazeFace.Preprocessing;

namespace BlazeFace.Landmarks;

/// <summary>
/// The region of interest the landmark model sees, as MediaPipe's graphs make it: from a detection
/// (<c>face_detection_front_detection_to_roi.pbtxt</c>) or from the previous frame's landmarks
/// (<c>face_landmark_landmarks_to_roi.pbtxt</c>). Either way a box and a rotation go through
/// <c>RectTransformationCalculator</c> with <c>scale 1.5, square_long</c>: a square 1.5 times the box's longer side,
/// centred on the box, turned by the rotation.
/// </summary>
/// <remarks>
/// The rotation is MediaPipe's <c>DetectionsToRectsCalculator</c> with a target angle of 0: the angle of the line from
/// a start point to an end point, clockwise on screen. From a detection those are its eye keypoints (0, the subject's
/// right eye, to 1), which is <see cref="FaceDetection.Roll"/>; from landmarks, the outer eye corners 33 to 263.
/// </remarks>
internal static class FaceRegion
{
    /// <summary>MediaPipe's <c>scale_x</c> and <c>scale_y</c>: the square is this much larger than the box's longer side.</summary>
    public const double Scale = 1.5;

    /// <summary>
    /// The region for a detection. The box is the detection's unclipped one (<see cref="FaceDetection.RotatedBoundingBox"/>):
    /// for a search without rotation that is MediaPipe's box exactly; for a turned search its own width and height
    /// are the face's size, where the axis-aligned box around it would be larger by the turn.
    /// </summary>
    /// <exception cref="ArgumentException">The detection's box is empty or not finite, or its eye keypoints are not finite; ParamName "face".</exception>
    public static RotatedBox FromDetection(in FaceDetection face)
    {
        RotatedBox box = face.RotatedBoundingBox;
        FaceKeypoint right = face.Keypoints.RightEye, left = face.Keypoints.LeftEye;
        bool usable = float.IsFinite(box.CenterX) && float.IsFinite(box.CenterY) && box.Width > 0 && box.Height > 0
            && float.IsFinite(box.Width) && float.IsFinite(box.Height)
            && float.IsFinite(right.X) && float.IsFinite(right.Y) && float.IsFinite(left.X) && float.IsFinite(left.Y);
        if (!usable)
        {
            throw new ArgumentException($"The face's box must be finite and not empty, and its eye keypoints finite: {face}.", nameof(face));
        }

        return Square(box.CenterX, box.CenterY, box.Width, box.Height, face.Roll);
    }

    /// <summary>The next frame's region from this frame's 468 landmarks: their bounding box, turned by the eye line 33 to 263.</summary>
    /// <param name="landmarks">The landmarks in image pixels, unsmoothed.</param>
    public static RotatedBox FromLandmarks(ReadOnlySpan<Vector3> landmarks)
    {
        // LandmarksToDetectionCalculator: the box around every landmark, no subset.
        (Vector3 min, Vector3 max) = LandmarkExtent.Of(landmarks);
        Vector3 start = landmarks[FaceMesh.RightEyeOuterCorner];
        Vector3 end = landmarks[FaceMesh.LeftEyeOuterCorner];
        double rotation = RotationMath.NormalizeSigned(Math.Atan2((double)end.Y - start.Y, (double)end.X - start.X) * (180.0 / Math.PI));
        return Square(((double)min.X + max.X) / 2, ((double)min.Y + max.Y) / 2, (double)max.X - min.X, (double)max.Y - min.Y, rotation);
    }

    /// <summary>
    /// Intersection over union of two regions' axis-aligned extents, their rotation ignored, as MediaPipe's
    /// <c>AssociationNormRectCalculator</c> compares them.
    /// </summary>
    public static float Overlap(in RotatedBox a, in RotatedBox b) => Extent(a).IntersectionOverUnion(Extent(b));

    private static FaceBox Extent(in RotatedBox box) => new(box.CenterX - (box.Width / 2), box.CenterY - (box.Height / 2), box.Width, box.Height);

    private static RotatedBox Square(double centreX, double centreY, double width, double height, double rotationDegrees)
    {
        double side = Scale * Math.Max(width, height);
        return new RotatedBox((float)centreX, (float)centreY, (float)side, (float)side, (float)rotationDegrees);
    }
}
