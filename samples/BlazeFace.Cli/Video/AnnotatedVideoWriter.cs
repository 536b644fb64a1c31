using System.Globalization;
using BlazeFace.Cli.Files;
using BlazeFace.OpenCvSharp;
using OpenCvSharp;

namespace BlazeFace.Cli.Video;

/// <summary>
/// Writes --out: each frame with its tracked faces drawn (box and keypoints by the OpenCV package's DrawDetections,
/// or with --mesh the face mesh by its DrawFaceMeshes; the track id as "#K" above the box), as MJPG in an .avi or
/// MPEG-4 Part 2 (mp4v) in an .mp4. The video is written to a temporary file beside the destination (<see cref="AtomicFile"/>), opened on the first frame, whose size every
/// frame is written at; <see cref="Complete"/> finalises it and renames it into place, and disposing without
/// completing deletes it, so the destination is either the whole annotated video or untouched.
/// </summary>
internal sealed class AnnotatedVideoWriter : IDisposable
{
    private const int LabelPadding = 2;

    private static readonly OpenCvDetectionStyle s_detected = new() { DrawScores = false };

    /// <summary>Faces the tracker is carrying through frames where the detector missed them: orange instead of green.</summary>
    private static readonly OpenCvDetectionStyle s_coasting = new() { DrawScores = false, BoxColor = new Scalar(0, 165, 255) };

    private static readonly Scalar s_labelText = new(0, 0, 0);

    private readonly string _path;
    private readonly string _temporary;
    private readonly double _framesPerSecond;
    private readonly FaceDetection[] _faces;
    private readonly Mat _resized = new();
    private VideoWriter? _writer;
    private Size _size;

    /// <param name="path">The .avi or .mp4 file (<see cref="IsSupportedPath"/>).</param>
    /// <param name="framesPerSecond">The frame rate recorded in the file.</param>
    /// <param name="maxFaces">The most faces one frame may bring.</param>
    /// <exception cref="OutputFileException">The destination's folder does not exist.</exception>
    public AnnotatedVideoWriter(string path, double framesPerSecond, int maxFaces)
    {
        _path = path;
        _temporary = AtomicFile.TemporaryPathFor(path);
        _framesPerSecond = framesPerSecond;
        _faces = new FaceDetection[maxFaces];
    }

    /// <summary>Frames written so far.</summary>
    public int FramesWritten { get; private set; }

    /// <summary>Whether the path ends in an extension the writer encodes (.avi, .mp4).</summary>
    public static bool IsSupportedPath(string path) => FourCCOf(path) is not null;

    /// <summary>Draws the faces on <paramref name="frame"/> (in place) and appends it to the video.</summary>
    /// <exception cref="OutputFileException">The file cannot be created or written.</exception>
    public void Write(Mat frame, ReadOnlySpan<TrackedFace> faces)
    {
        Draw(frame, faces);
        Append(frame);
    }

    /// <summary>--mesh: draws each face's mesh and "#K" above its landmarks' box on <paramref name="frame"/> (in place) and appends it to the video.</summary>
    /// <exception cref="OutputFileException">The file cannot be created or written.</exception>
    public void Write(Mat frame, ReadOnlySpan<FaceMesh> faces)
    {
        frame.DrawFaceMeshes(faces, s_detected);
        foreach (FaceMesh face in faces)
        {
            DrawId(frame, face.TrackId, face.Bounds, s_detected);
        }

        Append(frame);
    }

    private void Append(Mat frame)
    {
        try
        {
            VideoWriter writer = _writer ??= Open(frame.Size());
            if (frame.Size() == _size)
            {
                writer.Write(frame);
            }
            else
            {
                // A folder's frames may differ in size; a video has one.
                Cv2.Resize(frame, _resized, _size, interpolation: InterpolationFlags.Area);
                writer.Write(_resized);
            }
        }
        catch (OpenCvSharpException e)
        {
            throw new OutputFileException(_path, $"cannot be written: {e.Message.ReplaceLineEndings(" ")}", e);
        }

        FramesWritten++;
    }

    /// <summary>Finalises the video (index, trailer) with the frames written so far and renames it into place; nothing is written when no frame was.</summary>
    /// <exception cref="OutputFileException">The video cannot be renamed into place.</exception>
    public void Complete()
    {
        if (_writer is null)
        {
            return;
        }

        Close();
        try
        {
            AtomicFile.Commit(_temporary, _path);
        }
        catch
        {
            AtomicFile.Discard(_temporary);
            throw;
        }
    }

    /// <summary>Closes the writer; a video not completed is deleted, leaving the destination as it was.</summary>
    public void Dispose()
    {
        if (_writer is not null)
        {
            Close();
            AtomicFile.Discard(_temporary);
        }

        _resized.Dispose();
    }

    private void Close()
    {
        _writer!.Release();
        _writer.Dispose();
        _writer = null;
    }

    private void Draw(Mat frame, ReadOnlySpan<TrackedFace> faces)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            // Coasting faces in one call, detected ones in another, each in its colour.
            bool coasting = pass == 1;
            int count = 0;
            foreach (TrackedFace face in faces)
            {
                if ((face.MissedFrames > 0) == coasting)
                {
                    _faces[count++] = new FaceDetection(face.Score, face.BoundingBox, face.Keypoints);
                }
            }

            frame.DrawDetections(_faces.AsSpan(0, count), coasting ? s_coasting : s_detected);
        }

        foreach (TrackedFace face in faces)
        {
            DrawId(frame, face.TrackId, face.BoundingBox, face.MissedFrames > 0 ? s_coasting : s_detected);
        }
    }

    /// <summary>"#K" on a label in the box's colour, above the box's top-left corner (inside it at the top edge).</summary>
    private static void DrawId(Mat frame, long trackId, FaceBox box, OpenCvDetectionStyle style)
    {
        if (!float.IsFinite(box.X) || !float.IsFinite(box.Y))
        {
            return;
        }

        string label = "#" + trackId.ToString(CultureInfo.InvariantCulture);
        Size text = Cv2.GetTextSize(label, style.Font, style.FontScale, 1, out int baseline);
        int height = text.Height + baseline + (2 * LabelPadding);
        int left = (int)Math.Round(Math.Clamp(box.X, -1e6f, 1e6f));
        int top = (int)Math.Round(Math.Clamp(box.Y, -1e6f, 1e6f));
        int labelTop = top - height >= 0 ? top - height : top;
        Cv2.Rectangle(frame, new Point(left, labelTop), new Point(left + text.Width + (2 * LabelPadding), labelTop + height), style.BoxColor, -1);
        Cv2.PutText(frame, label, new Point(left + LabelPadding, labelTop + LabelPadding + text.Height), style.Font, style.FontScale, s_labelText, 1, LineTypes.AntiAlias);
    }

    private VideoWriter Open(Size size)
    {
        var writer = new VideoWriter(_temporary, VideoCaptureAPIs.FFMPEG, FourCCOf(_path)!.Value, _framesPerSecond, size, isColor: true);
        if (!writer.IsOpened())
        {
            writer.Dispose();
            AtomicFile.Discard(_temporary);
            throw new OutputFileException(_path, "cannot be created: OpenCV's FFmpeg backend refused it");
        }

        _size = size;
        return writer;
    }

    /// <summary>The codec for the file's extension, or null. Pure managed code: option validation calls it before OpenCV is loaded.</summary>
    private static FourCC? FourCCOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".avi" => Code("MJPG"),
        ".mp4" => Code("mp4v"),
        _ => null,
    };

    /// <summary>The four characters as OpenCV packs them, first character in the lowest byte.</summary>
    private static FourCC Code(string characters) =>
        new(characters[0] | (characters[1] << 8) | (characters[2] << 16) | (characters[3] << 24));
}
