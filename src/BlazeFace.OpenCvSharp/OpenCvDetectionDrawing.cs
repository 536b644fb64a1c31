using System.Globalization;
using System.Numerics;
using OpenCvSharp;

namespace BlazeFace.OpenCvSharp;

/// <summary>Draws detections and face meshes on a Mat with OpenCV's own primitives (<see cref="Cv2.Line(InputOutputArray, Point, Point, Scalar, int, LineTypes, int)"/> for mesh edges): <see cref="Cv2.Rectangle(InputOutputArray, Rect, Scalar, int, LineTypes, int)"/>, <see cref="Cv2.Circle(InputOutputArray, Point, int, Scalar, int, LineTypes, int)"/> and <see cref="Cv2.PutText"/>.</summary>
public static class OpenCvDetectionDrawing
{
    // Coordinates are clamped to this before rounding: far outside any image, so clipping is unchanged, yet far from
    // int overflow inside OpenCV's drawing code.
    private const double CoordinateLimit = 1 << 20;

    /// <summary>Draws faces on the Mat they were found in (or one of the same size), modifying it in place.</summary>
    /// <param name="image">A CV_8UC3 (BGR), CV_8UC4 (BGRA) or CV_8UC1 (grey) Mat.</param>
    /// <param name="faces">The faces, in the Mat's pixels. Faces with a non-finite coordinate are skipped; shapes outside the Mat are clipped.</param>
    /// <param name="style">Colours and sizes; null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="image"/> is null.</exception>
    /// <exception cref="ArgumentException">The Mat is empty, not two-dimensional, or of another type; ParamName is "image".</exception>
    /// <exception cref="ObjectDisposedException">The Mat has been disposed.</exception>
    public static void DrawDetections(this Mat image, ReadOnlySpan<FaceDetection> faces, OpenCvDetectionStyle? style = null)
    {
        MatType type = MatPixels.CheckDrawable(image, nameof(image));
        style ??= OpenCvDetectionStyle.Default;
        int channels = type.Channels;
        Scalar boxColor = ForChannels(style.BoxColor, channels);
        Scalar dotColor = ForChannels(style.KeypointColor, channels);
        Scalar textColor = ForChannels(style.ScoreColor, channels);
        foreach (FaceDetection face in faces)
        {
            if (!IsFinite(face))
            {
                continue;
            }

            FaceBox box = face.BoundingBox;
            int left = Pixel(box.X);
            int top = Pixel(box.Y);
            int right = Pixel(box.Right);
            int bottom = Pixel(box.Bottom);
            Cv2.Rectangle(image, new Point(left, top), new Point(right, bottom), boxColor, style.Thickness, LineTypes.AntiAlias);
            if (style.DrawKeypoints)
            {
                foreach (FaceKeypoint point in face.Keypoints)
                {
                    Cv2.Circle(image, new Point(Pixel(point.X), Pixel(point.Y)), style.KeypointRadius, dotColor, -1, LineTypes.AntiAlias);
                }
            }

            if (style.DrawScores)
            {
                DrawScore(image, face.Score, left, top, style, boxColor, textColor);
            }
        }
    }

    /// <summary>Draws faces on a Mat; see <see cref="DrawDetections(Mat, ReadOnlySpan{FaceDetection}, OpenCvDetectionStyle?)"/>.</summary>
    /// <param name="image">A CV_8UC3 (BGR), CV_8UC4 (BGRA) or CV_8UC1 (grey) Mat.</param>
    /// <param name="faces">The faces, as <see cref="OpenCvFaceDetectorExtensions.Detect(FaceDetector, Mat, ImageProcessingOptions)"/> returns them.</param>
    /// <param name="style">Colours and sizes; null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="image"/> or <paramref name="faces"/> is null.</exception>
    /// <exception cref="ArgumentException">The Mat is empty, not two-dimensional, or of another type; ParamName is "image".</exception>
    /// <exception cref="ObjectDisposedException">The Mat has been disposed.</exception>
    public static void DrawDetections(this Mat image, IReadOnlyList<FaceDetection> faces, OpenCvDetectionStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(faces);
        // Detect returns an array; anything else is copied once.
        FaceDetection[] array = faces as FaceDetection[] ?? [.. faces];
        DrawDetections(image, array.AsSpan(), style);
    }

    /// <summary>Draws face meshes on the Mat they were found in (or one of the same size), in place: each mesh's tesselation, then its contours over it, antialiased.</summary>
    /// <param name="image">A CV_8UC3 (BGR), CV_8UC4 (BGRA) or CV_8UC1 (grey) Mat.</param>
    /// <param name="meshes">The meshes, in the Mat's pixels; null entries, meshes without landmarks and edges with a non-finite end are skipped; lines outside the Mat are clipped.</param>
    /// <param name="style">Colours and sizes (<see cref="OpenCvDetectionStyle.MeshColor"/>, <see cref="OpenCvDetectionStyle.ContourColor"/>, <see cref="OpenCvDetectionStyle.Thickness"/>, <see cref="OpenCvDetectionStyle.DrawTesselation"/>); null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="image"/> is null.</exception>
    /// <exception cref="ArgumentException">The Mat is empty, not two-dimensional, or of another type; ParamName is "image".</exception>
    /// <exception cref="ObjectDisposedException">The Mat has been disposed.</exception>
    public static void DrawFaceMeshes(this Mat image, ReadOnlySpan<FaceMesh> meshes, OpenCvDetectionStyle? style = null)
    {
        MatType type = MatPixels.CheckDrawable(image, nameof(image));
        style ??= OpenCvDetectionStyle.Default;
        int channels = type.Channels;
        Scalar meshColor = ForChannels(style.MeshColor, channels);
        Scalar contourColor = ForChannels(style.ContourColor, channels);
        foreach (FaceMesh? mesh in meshes)
        {
            if (mesh is null || mesh.Landmarks.IsEmpty)
            {
                continue;
            }

            if (style.DrawTesselation)
            {
                DrawEdges(image, mesh.Landmarks, FaceMesh.Tesselation, meshColor, 1);
            }

            DrawEdges(image, mesh.Landmarks, FaceMesh.Contours, contourColor, style.Thickness);
        }
    }

    /// <summary>Draws face meshes on a Mat; see <see cref="DrawFaceMeshes(Mat, ReadOnlySpan{FaceMesh}, OpenCvDetectionStyle?)"/>.</summary>
    /// <param name="image">A CV_8UC3 (BGR), CV_8UC4 (BGRA) or CV_8UC1 (grey) Mat.</param>
    /// <param name="meshes">The meshes, as <see cref="FaceLandmarker.Detect(Imaging.ImageView, ImageProcessingOptions)"/> returns them.</param>
    /// <param name="style">Colours and sizes; null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="image"/> or <paramref name="meshes"/> is null.</exception>
    /// <exception cref="ArgumentException">The Mat is empty, not two-dimensional, or of another type; ParamName is "image".</exception>
    /// <exception cref="ObjectDisposedException">The Mat has been disposed.</exception>
    public static void DrawFaceMeshes(this Mat image, IReadOnlyList<FaceMesh> meshes, OpenCvDetectionStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(meshes);
        FaceMesh[] array = meshes as FaceMesh[] ?? [.. meshes];
        DrawFaceMeshes(image, array.AsSpan(), style);
    }

    private static void DrawEdges(Mat image, ReadOnlySpan<Vector3> landmarks, ReadOnlySpan<(int Start, int End)> edges, Scalar color, int thickness)
    {
        foreach ((int start, int end) in edges)
        {
            Vector3 a = landmarks[start], b = landmarks[end];
            if (float.IsFinite(a.X) && float.IsFinite(a.Y) && float.IsFinite(b.X) && float.IsFinite(b.Y))
            {
                Cv2.Line(image, new Point(Pixel(a.X), Pixel(a.Y)), new Point(Pixel(b.X), Pixel(b.Y)), color, thickness, LineTypes.AntiAlias);
            }
        }
    }

    private static void DrawScore(Mat image, float score, int left, int top, OpenCvDetectionStyle style, Scalar background, Scalar text)
    {
        string label = score.ToString("0.00", CultureInfo.InvariantCulture);
        Size size = Cv2.GetTextSize(label, style.Font, style.FontScale, 1, out int baseline);
        int pad = 2;
        int height = size.Height + baseline + (2 * pad);

        // Above the box's top-left corner, or inside the box when there is no room above it.
        int labelTop = top - height >= 0 ? top - height : top;
        Cv2.Rectangle(image, new Point(left, labelTop), new Point(left + size.Width + (2 * pad), labelTop + height), background, -1);
        Cv2.PutText(image, label, new Point(left + pad, labelTop + pad + size.Height), style.Font, style.FontScale, text, 1, LineTypes.AntiAlias);
    }

    /// <summary>The colour as the Mat's channels hold it: BGR, BGR with opaque alpha, or luminance for grey.</summary>
    private static Scalar ForChannels(Scalar bgr, int channels) => channels switch
    {
        1 => new Scalar((0.114 * bgr.Val0) + (0.587 * bgr.Val1) + (0.299 * bgr.Val2)),
        4 => new Scalar(bgr.Val0, bgr.Val1, bgr.Val2, 255),
        _ => new Scalar(bgr.Val0, bgr.Val1, bgr.Val2),
    };

    private static int Pixel(float coordinate) => (int)Math.Round(Math.Clamp(coordinate, -CoordinateLimit, CoordinateLimit));

    private static bool IsFinite(FaceDetection face)
    {
        FaceBox b = face.BoundingBox;
        if (!float.IsFinite(b.X) || !float.IsFinite(b.Y) || !float.IsFinite(b.Right) || !float.IsFinite(b.Bottom) || !float.IsFinite(face.Score))
        {
            return false;
        }

        foreach (FaceKeypoint point in face.Keypoints)
        {
            if (!float.IsFinite(point.X) || !float.IsFinite(point.Y))
            {
                return false;
            }
        }

        return true;
    }
}
