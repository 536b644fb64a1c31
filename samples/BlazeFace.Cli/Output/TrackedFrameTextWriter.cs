using System.Globalization;
using System.Text;

namespace BlazeFace.Cli.Output;

/// <summary>
/// The video command's readable output: one line per frame, e.g.
/// <c>frame 12  0.400 s  2 faces  #1 (212.4, 80.1, 96.3x96.3)  #3 (...)</c>: id, then the smoothed box's x, y, width x height.
/// </summary>
internal sealed class TrackedFrameTextWriter(TextWriter output)
{
    private readonly StringBuilder _line = new();

    public void Write(int frame, TimeSpan time, ReadOnlySpan<TrackedFace> faces)
    {
        StartLine(frame, time, faces.Length);
        foreach (TrackedFace face in faces)
        {
            AppendFace(face.TrackId, face.BoundingBox);
        }

        EndLine();
    }

    /// <summary>--mesh: the same line, each box the one around the face's landmarks.</summary>
    public void Write(int frame, TimeSpan time, ReadOnlySpan<FaceMesh> faces)
    {
        StartLine(frame, time, faces.Length);
        foreach (FaceMesh face in faces)
        {
            AppendFace(face.TrackId, face.Bounds);
        }

        EndLine();
    }

    private void StartLine(int frame, TimeSpan time, int faces)
    {
        _line.Clear();
        _line.Append(CultureInfo.InvariantCulture, $"frame {frame}  {time.TotalSeconds:0.000} s  {faces} {(faces == 1 ? "face" : "faces")}");
    }

    private void AppendFace(long id, FaceBox box) =>
        _line.Append(CultureInfo.InvariantCulture, $"  #{id} ({box.X:0.0}, {box.Y:0.0}, {box.Width:0.0}x{box.Height:0.0})");

    private void EndLine()
    {
        output.WriteLine(_line);
        output.Flush();
    }
}
