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
        CultureInfo invariant = CultureInfo.InvariantCulture;
        _line.Clear();
        _line.Append(invariant, $"frame {frame}  {time.TotalSeconds:0.000} s  {faces.Length} {(faces.Length == 1 ? "face" : "faces")}");
        foreach (TrackedFace face in faces)
        {
            FaceBox box = face.BoundingBox;
            _line.Append(invariant, $"  #{face.TrackId} ({box.X:0.0}, {box.Y:0.0}, {box.Width:0.0}x{box.Height:0.0})");
        }

        output.WriteLine(_line);
        output.Flush();
    }
}
