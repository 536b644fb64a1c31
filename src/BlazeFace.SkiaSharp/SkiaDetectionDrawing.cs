using System.Globalization;
using System.Numerics;
using SkiaSharp;

namespace BlazeFace.SkiaSharp;

/// <summary>Draws detections on an <see cref="SKCanvas"/> with Skia's own primitives: box outlines, keypoint dots and score labels; and face meshes: tesselation and contour lines.</summary>
public static class SkiaDetectionDrawing
{
    /// <summary>Draws faces on a canvas, in the canvas's current coordinates (image pixels when it draws on the image they were found in).</summary>
    /// <param name="canvas">The canvas, for example <c>new SKCanvas(bitmap)</c> on the detected bitmap.</param>
    /// <param name="faces">The faces, as the detector returned them. Faces with a non-finite coordinate are skipped.</param>
    /// <param name="style">Colours and sizes; null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="canvas"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The canvas has been disposed.</exception>
    public static void DrawDetections(this SKCanvas canvas, ReadOnlySpan<FaceDetection> faces, SkiaDetectionStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        if (canvas.Handle == IntPtr.Zero)
        {
            throw new ObjectDisposedException(nameof(SKCanvas), "The canvas has been disposed.");
        }

        style ??= SkiaDetectionStyle.Default;
        using var box = new SKPaint { Color = style.BoxColor, Style = SKPaintStyle.Stroke, StrokeWidth = style.StrokeWidth, IsAntialias = true };
        using var dot = new SKPaint { Color = style.KeypointColor, Style = SKPaintStyle.Fill, IsAntialias = true };
        using var labelBackground = new SKPaint { Color = style.BoxColor, Style = SKPaintStyle.Fill };
        using var text = new SKPaint { Color = style.ScoreColor, IsAntialias = true };
        using var font = new SKFont(style.Typeface ?? SKTypeface.Default, style.TextSize);
        foreach (FaceDetection face in faces)
        {
            if (!IsFinite(face))
            {
                continue;
            }

            FaceBox b = face.BoundingBox;
            canvas.DrawRect(b.X, b.Y, b.Width, b.Height, box);
            if (style.DrawKeypoints)
            {
                foreach (FaceKeypoint point in face.Keypoints)
                {
                    canvas.DrawCircle(point.X, point.Y, style.KeypointRadius, dot);
                }
            }

            if (style.DrawScores)
            {
                DrawScore(canvas, face.Score, b, font, labelBackground, text);
            }
        }
    }

    /// <summary>Draws faces on a canvas; see <see cref="DrawDetections(SKCanvas, ReadOnlySpan{FaceDetection}, SkiaDetectionStyle?)"/>.</summary>
    /// <param name="canvas">The canvas.</param>
    /// <param name="faces">The faces, as <see cref="SkiaFaceDetectorExtensions.Detect(FaceDetector, SKBitmap, ImageProcessingOptions)"/> returns them.</param>
    /// <param name="style">Colours and sizes; null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="canvas"/> or <paramref name="faces"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The canvas has been disposed.</exception>
    public static void DrawDetections(this SKCanvas canvas, IReadOnlyList<FaceDetection> faces, SkiaDetectionStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(faces);
        // Detect returns an array; anything else is copied once.
        FaceDetection[] array = faces as FaceDetection[] ?? [.. faces];
        DrawDetections(canvas, array.AsSpan(), style);
    }

    /// <summary>Draws face meshes on a canvas, in its current coordinates: each mesh's tesselation, then its contours over it, antialiased.</summary>
    /// <param name="canvas">The canvas, for example <c>new SKCanvas(bitmap)</c> on the bitmap the faces were found in.</param>
    /// <param name="meshes">The meshes, as a <see cref="FaceLandmarker"/> returns them; null entries, meshes without landmarks and edges with a non-finite end are skipped.</param>
    /// <param name="style">Colours and sizes (<see cref="SkiaDetectionStyle.MeshColor"/>, <see cref="SkiaDetectionStyle.ContourColor"/>, <see cref="SkiaDetectionStyle.StrokeWidth"/>, <see cref="SkiaDetectionStyle.DrawTesselation"/>); null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="canvas"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The canvas has been disposed.</exception>
    public static void DrawFaceMeshes(this SKCanvas canvas, ReadOnlySpan<FaceMesh> meshes, SkiaDetectionStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        if (canvas.Handle == IntPtr.Zero)
        {
            throw new ObjectDisposedException(nameof(SKCanvas), "The canvas has been disposed.");
        }

        style ??= SkiaDetectionStyle.Default;
        using var mesh = new SKPaint { Color = style.MeshColor, Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = true };
        using var contour = new SKPaint { Color = style.ContourColor, Style = SKPaintStyle.Stroke, StrokeWidth = style.StrokeWidth, StrokeCap = SKStrokeCap.Round, IsAntialias = true };
        foreach (FaceMesh? face in meshes)
        {
            if (face is null || face.Landmarks.IsEmpty)
            {
                continue;
            }

            if (style.DrawTesselation)
            {
                DrawEdges(canvas, face.Landmarks, FaceMesh.Tesselation, mesh);
            }

            DrawEdges(canvas, face.Landmarks, FaceMesh.Contours, contour);
        }
    }

    /// <summary>Draws face meshes on a canvas; see <see cref="DrawFaceMeshes(SKCanvas, ReadOnlySpan{FaceMesh}, SkiaDetectionStyle?)"/>.</summary>
    /// <param name="canvas">The canvas.</param>
    /// <param name="meshes">The meshes, as <see cref="FaceLandmarker.Detect(Imaging.ImageView, ImageProcessingOptions)"/> returns them.</param>
    /// <param name="style">Colours and sizes; null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="canvas"/> or <paramref name="meshes"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The canvas has been disposed.</exception>
    public static void DrawFaceMeshes(this SKCanvas canvas, IReadOnlyList<FaceMesh> meshes, SkiaDetectionStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(meshes);
        FaceMesh[] array = meshes as FaceMesh[] ?? [.. meshes];
        DrawFaceMeshes(canvas, array.AsSpan(), style);
    }

    private static void DrawEdges(SKCanvas canvas, ReadOnlySpan<Vector3> landmarks, ReadOnlySpan<(int Start, int End)> edges, SKPaint paint)
    {
        foreach ((int start, int end) in edges)
        {
            Vector3 a = landmarks[start], b = landmarks[end];
            if (float.IsFinite(a.X) && float.IsFinite(a.Y) && float.IsFinite(b.X) && float.IsFinite(b.Y))
            {
                canvas.DrawLine(a.X, a.Y, b.X, b.Y, paint);
            }
        }
    }

    private static void DrawScore(SKCanvas canvas, float score, FaceBox box, SKFont font, SKPaint background, SKPaint text)
    {
        string label = score.ToString("0.00", CultureInfo.InvariantCulture);
        float width = font.MeasureText(label, text);
        float height = font.Size;
        float pad = MathF.Max(1f, height / 7f);

        // Above the box's top-left corner, or inside the box when there is no room above it.
        float top = box.Y - height - (2 * pad);
        if (top < 0)
        {
            top = box.Y;
        }

        canvas.DrawRect(box.X, top, width + (2 * pad), height + (2 * pad), background);
        SKFontMetrics metrics = font.Metrics;
        float baseline = top + pad + ((height - metrics.Descent - metrics.Ascent) / 2f) - (metrics.Descent / 2f);
        canvas.DrawText(label, box.X + pad, baseline, SKTextAlign.Left, font, text);
    }

    private static bool IsFinite(FaceDetection face)
    {
        FaceBox b = face.BoundingBox;
        if (!float.IsFinite(b.X) || !float.IsFinite(b.Y) || !float.IsFinite(b.Width) || !float.IsFinite(b.Height) || !float.IsFinite(face.Score))
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
