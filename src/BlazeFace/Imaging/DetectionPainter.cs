using System.Numerics;

namespace BlazeFace.Imaging;

/// <summary>Draws detections onto an image in memory: box outlines and keypoint markers; and face meshes: tesselation and contours.</summary>
/// <remarks>
/// Coordinates are image pixels, as the detector and the landmarker return them. A box covers the pixel columns from
/// round(X) up to but excluding round(X + Width), and likewise for rows; its outline is drawn inside that area. A
/// keypoint's marker is centred on the pixel containing the point. A mesh edge is a line between the pixels
/// containing its two landmarks. Anything outside the image is clipped, and shapes with non-finite coordinates are
/// skipped.
/// </remarks>
public static class DetectionPainter
{
    // Pixel coordinates are clamped to this before converting to integers: far enough out that clamping never
    // moves an edge into view, close enough that adding a thickness or radius cannot overflow a long.
    private const double CoordinateLimit = 1e15;

    /// <summary>Draws <paramref name="detections"/> onto an image buffer.</summary>
    /// <param name="pixels">The image's pixel bytes, modified in place.</param>
    /// <param name="width">Width in pixels; positive.</param>
    /// <param name="height">Height in pixels; positive.</param>
    /// <param name="format">A colour format: <see cref="ImagePixelFormat.Rgb24"/>, <see cref="ImagePixelFormat.Bgr24"/>, <see cref="ImagePixelFormat.Rgba32"/> or <see cref="ImagePixelFormat.Bgra32"/>. Drawn pixels get an alpha of 255.</param>
    /// <param name="stride">Bytes from one row's start to the next; 0 for tightly packed rows.</param>
    /// <param name="detections">The detections, in image pixels.</param>
    /// <param name="options">Colours and sizes; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">
    /// The buffer arguments are invalid (as for <see cref="ImageView"/>), or <paramref name="format"/> is <see cref="ImagePixelFormat.Gray8"/>.
    /// </exception>
    public static void Draw(Span<byte> pixels, int width, int height, ImagePixelFormat format, int stride, ReadOnlySpan<FaceDetection> detections, DetectionPainterOptions? options = null)
    {
        PixelLayout layout = PixelLayout.Create(pixels, width, height, format, stride);
        if (format == ImagePixelFormat.Gray8)
        {
            throw new ArgumentException("Drawing needs a colour format; Gray8 cannot show coloured boxes.", nameof(format));
        }

        options ??= DetectionPainterOptions.Default;
        var canvas = new PixelCanvas(pixels, layout);
        foreach (FaceDetection detection in detections)
        {
            DrawBox(canvas, detection.BoundingBox, options.Thickness, Rgb.Of(options.BoxColor));
            if (options.DrawKeypoints)
            {
                foreach (FaceKeypoint keypoint in detection.Keypoints)
                {
                    DrawDisc(canvas, keypoint.X, keypoint.Y, options.KeypointRadius, Rgb.Of(options.KeypointColor));
                }
            }
        }
    }

    /// <summary>Draws the detections a <c>Detect</c> call returned onto an image buffer.</summary>
    /// <param name="pixels">The image's pixel bytes, modified in place.</param>
    /// <param name="width">Width in pixels; positive.</param>
    /// <param name="height">Height in pixels; positive.</param>
    /// <param name="format">A colour format, as for the span overload.</param>
    /// <param name="stride">Bytes from one row's start to the next; 0 for tightly packed rows.</param>
    /// <param name="detections">The detections, in image pixels.</param>
    /// <param name="options">Colours and sizes; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="detections"/> is null.</exception>
    /// <exception cref="ArgumentException">The buffer arguments are invalid, or <paramref name="format"/> is <see cref="ImagePixelFormat.Gray8"/>.</exception>
    public static void Draw(Span<byte> pixels, int width, int height, ImagePixelFormat format, int stride, IReadOnlyList<FaceDetection> detections, DetectionPainterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(detections);
        Draw(pixels, width, height, format, stride, detections as FaceDetection[] ?? [.. detections], options);
    }

    /// <summary>Draws face meshes onto an image buffer: each mesh's tesselation, then its contours over it.</summary>
    /// <param name="pixels">The image's pixel bytes, modified in place.</param>
    /// <param name="width">Width in pixels; positive.</param>
    /// <param name="height">Height in pixels; positive.</param>
    /// <param name="format">A colour format, as for the detections' overload. Drawn pixels get an alpha of 255.</param>
    /// <param name="stride">Bytes from one row's start to the next; 0 for tightly packed rows.</param>
    /// <param name="meshes">The meshes, in image pixels, as a <see cref="FaceLandmarker"/> returns them; null entries and meshes without landmarks are skipped.</param>
    /// <param name="options">Colours and sizes (<see cref="DetectionPainterOptions.MeshColor"/>, <see cref="DetectionPainterOptions.ContourColor"/>, <see cref="DetectionPainterOptions.Thickness"/>, <see cref="DetectionPainterOptions.DrawTesselation"/>); <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">
    /// The buffer arguments are invalid (as for <see cref="ImageView"/>), or <paramref name="format"/> is <see cref="ImagePixelFormat.Gray8"/>.
    /// </exception>
    public static void DrawFaceMeshes(Span<byte> pixels, int width, int height, ImagePixelFormat format, int stride, ReadOnlySpan<FaceMesh> meshes, DetectionPainterOptions? options = null)
    {
        PixelLayout layout = PixelLayout.Create(pixels, width, height, format, stride);
        if (format == ImagePixelFormat.Gray8)
        {
            throw new ArgumentException("Drawing needs a colour format; Gray8 cannot show a coloured mesh.", nameof(format));
        }

        options ??= DetectionPainterOptions.Default;
        var canvas = new PixelCanvas(pixels, layout);
        foreach (FaceMesh? mesh in meshes)
        {
            if (mesh is null || mesh.Landmarks.IsEmpty)
            {
                continue;
            }

            if (options.DrawTesselation)
            {
                DrawEdges(canvas, mesh.Landmarks, FaceMesh.Tesselation, 1, Rgb.Of(options.MeshColor));
            }

            DrawEdges(canvas, mesh.Landmarks, FaceMesh.Contours, options.Thickness, Rgb.Of(options.ContourColor));
        }
    }

    /// <summary>Draws the meshes a <c>Detect</c> or <c>Track</c> call returned onto an image buffer.</summary>
    /// <param name="pixels">The image's pixel bytes, modified in place.</param>
    /// <param name="width">Width in pixels; positive.</param>
    /// <param name="height">Height in pixels; positive.</param>
    /// <param name="format">A colour format, as for the span overload.</param>
    /// <param name="stride">Bytes from one row's start to the next; 0 for tightly packed rows.</param>
    /// <param name="meshes">The meshes, in image pixels.</param>
    /// <param name="options">Colours and sizes; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="meshes"/> is null.</exception>
    /// <exception cref="ArgumentException">The buffer arguments are invalid, or <paramref name="format"/> is <see cref="ImagePixelFormat.Gray8"/>.</exception>
    public static void DrawFaceMeshes(Span<byte> pixels, int width, int height, ImagePixelFormat format, int stride, IReadOnlyList<FaceMesh> meshes, DetectionPainterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(meshes);
        DrawFaceMeshes(pixels, width, height, format, stride, meshes as FaceMesh[] ?? [.. meshes], options);
    }

    private static void DrawEdges(PixelCanvas canvas, ReadOnlySpan<Vector3> landmarks, ReadOnlySpan<(int Start, int End)> edges, int thickness, Rgb color)
    {
        foreach ((int start, int end) in edges)
        {
            Vector3 a = landmarks[start], b = landmarks[end];
            canvas.DrawLine(a.X, a.Y, b.X, b.Y, thickness, color);
        }
    }

    private static void DrawBox(PixelCanvas canvas, FaceBox box, int thickness, Rgb color)
    {
        double x = box.X;
        double y = box.Y;
        double rightEdge = x + box.Width;
        double bottomEdge = y + box.Height;
        if (!double.IsFinite(x) || !double.IsFinite(y) || !double.IsFinite(rightEdge) || !double.IsFinite(bottomEdge))
        {
            return;
        }

        long left = ToPixel(x);
        long top = ToPixel(y);
        long right = ToPixel(rightEdge);
        long bottom = ToPixel(bottomEdge);
        if (right <= left || bottom <= top)
        {
            return;
        }

        // Four bands inside the box; where the box is thinner than two bands they overlap, filling it.
        canvas.Fill(left, top, right, Math.Min(top + thickness, bottom), color);
        canvas.Fill(left, Math.Max(bottom - thickness, top), right, bottom, color);
        canvas.Fill(left, top, Math.Min(left + thickness, right), bottom, color);
        canvas.Fill(Math.Max(right - thickness, left), top, right, bottom, color);
    }

    private static void DrawDisc(PixelCanvas canvas, float x, float y, int radius, Rgb color)
    {
        if (!float.IsFinite(x) || !float.IsFinite(y))
        {
            return;
        }

        long centreX = (long)Math.Floor(Math.Clamp(x, -CoordinateLimit, CoordinateLimit));
        long centreY = (long)Math.Floor(Math.Clamp(y, -CoordinateLimit, CoordinateLimit));
        long firstRow = Math.Max(centreY - radius, 0);
        long endRow = Math.Min(centreY + radius + 1, canvas.Height);
        long radiusSquared = (long)radius * radius;
        for (long row = firstRow; row < endRow; row++)
        {
            long dy = row - centreY;
            long halfWidth = (long)Math.Sqrt(radiusSquared - (dy * dy));
            canvas.Fill(centreX - halfWidth, row, centreX + halfWidth + 1, row + 1, color);
        }
    }

    private static long ToPixel(double coordinate) => (long)Math.Floor(Math.Clamp(coordinate, -CoordinateLimit, CoordinateLimit) + 0.5);
}
