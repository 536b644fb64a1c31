using System.Buffers;
using System.Text.Json;

namespace BlazeFace.Cli.Output;

/// <summary>
/// The video command's JSON lines: one object per frame, <c>{"frame", "time_ms", "faces": [{"id", "score", "box",
/// "keypoints"}]}</c> (with --mesh, each face also has "presence" and "landmarks"), each flushed as soon as it is written so a reader sees every frame as it is processed. Boxes
/// and keypoints are written as <see cref="DetectionJsonWriter"/> writes them.
/// </summary>
internal sealed class TrackedFrameJsonWriter : IDisposable
{
    private readonly Stream _destination;

    /// <summary>One line, newline included, built in memory and handed to the stream in one write (one system call).</summary>
    private readonly ArrayBufferWriter<byte> _line = new(1024);

    private readonly Utf8JsonWriter _json;

    public TrackedFrameJsonWriter(Stream destination)
    {
        _destination = destination;
        _json = new Utf8JsonWriter(_line, new JsonWriterOptions { Indented = false });
    }

    /// <param name="frame">The frame's 0-based index in the input.</param>
    /// <param name="time">The frame's timestamp as given to the tracker.</param>
    /// <param name="faces">The tracker's faces for the frame: smoothed boxes and keypoints in the frame's pixels.</param>
    public void Write(int frame, TimeSpan time, ReadOnlySpan<TrackedFace> faces)
    {
        StartLine(frame, time);
        WriteFaces(_json, faces);
        EndLine();
    }

    /// <summary>
    /// --mesh: <c>{"id", "box", "presence", "landmarks"}</c> per face, the box around its landmarks, and the detector's
    /// <c>"score"</c> and <c>"keypoints"</c> on frames where it found the face (the first, and after a loss).
    /// </summary>
    /// <param name="frame">The frame's 0-based index in the input.</param>
    /// <param name="time">The frame's timestamp as given to the landmarker.</param>
    /// <param name="faces">The landmarker's faces for the frame, in the frame's pixels.</param>
    public void Write(int frame, TimeSpan time, ReadOnlySpan<FaceMesh> faces)
    {
        StartLine(frame, time);
        WriteFaces(_json, faces);
        EndLine();
    }

    public void Dispose() => _json.Dispose();

    /// <summary>The line's <c>"faces": [{"id", "score", "box", "keypoints"}, ...]</c> property; the web sample's tracking replies write it too.</summary>
    internal static void WriteFaces(Utf8JsonWriter json, ReadOnlySpan<TrackedFace> faces)
    {
        json.WriteStartArray("faces");
        foreach (TrackedFace face in faces)
        {
            json.WriteStartObject();
            json.WriteNumber("id", face.TrackId);
            json.WriteNumber("score", face.Score);
            DetectionJsonWriter.WriteBox(json, face.BoundingBox);
            DetectionJsonWriter.WriteKeypoints(json, face.Keypoints);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The line's <c>"faces"</c> property for followed meshes; the web sample's tracking replies with the mesh write it too.</summary>
    internal static void WriteFaces(Utf8JsonWriter json, ReadOnlySpan<FaceMesh> faces)
    {
        json.WriteStartArray("faces");
        foreach (FaceMesh face in faces)
        {
            json.WriteStartObject();
            json.WriteNumber("id", face.TrackId);
            if (face.Detection is { } detection)
            {
                json.WriteNumber("score", detection.Score);
            }

            DetectionJsonWriter.WriteBox(json, face.Bounds);
            if (face.Detection is { } detected)
            {
                DetectionJsonWriter.WriteKeypoints(json, detected.Keypoints);
            }

            DetectionJsonWriter.WriteMesh(json, face);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private void StartLine(int frame, TimeSpan time)
    {
        _line.ResetWrittenCount();
        _json.Reset(_line);
        _json.WriteStartObject();
        _json.WriteNumber("frame", frame);
        _json.WriteNumber("time_ms", Math.Round(time.TotalMilliseconds, 3));
    }

    private void EndLine()
    {
        _json.WriteEndObject();
        _json.Flush();
        _line.GetSpan(1)[0] = (byte)'\n';
        _line.Advance(1);
        _destination.Write(_line.WrittenSpan);
        _destination.Flush();
    }
}
