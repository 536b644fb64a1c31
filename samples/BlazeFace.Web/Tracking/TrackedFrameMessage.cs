using System.Buffers;
using System.Text.Json;

namespace BlazeFace.Web.Tracking;

/// <summary>
/// The tracking WebSocket's reply to one processed frame, a text message: the CLI's video line
/// <c>{"frame", "time_ms", "faces": [{"id", "score", "box", "keypoints"}]}</c> (with <c>mesh=true</c>, that of
/// <c>video --mesh</c>: see <see cref="LandmarkerFollower"/>), the faces written by the CLI's own writer, with
/// <c>"width"</c>, <c>"height"</c>, <c>"model"</c>, <c>"server_ms"</c> (decoding and tracking) and <c>"dropped"</c>
/// (frames of this connection replaced by newer ones before they were processed) added; or, for a frame that could
/// not be processed, <c>{"frame", "time_ms", "status", "error"}</c>.
/// </summary>
internal sealed class TrackedFrameMessage : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(2048);
    private readonly Utf8JsonWriter _json;

    public TrackedFrameMessage() => _json = new Utf8JsonWriter(_buffer);

    /// <summary>The message written last; valid until the next write.</summary>
    public ReadOnlyMemory<byte> Written => _buffer.WrittenMemory;

    public void WriteFaces(TrackingFrame frame, int width, int height, string model, double serverMilliseconds, long dropped, IFaceFollower faces)
    {
        Start(frame);
        _json.WriteNumber("width", width);
        _json.WriteNumber("height", height);
        _json.WriteString("model", model);
        _json.WriteNumber("server_ms", Math.Round(serverMilliseconds, 3));
        _json.WriteNumber("dropped", dropped);
        faces.WriteFaces(_json);
        End();
    }

    public void WriteError(TrackingFrame frame, int status, string detail)
    {
        Start(frame);
        _json.WriteNumber("status", status);
        _json.WriteString("error", detail);
        End();
    }

    public void Dispose() => _json.Dispose();

    private void Start(TrackingFrame frame)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteNumber("frame", frame.Index);
        _json.WriteNumber("time_ms", frame.TimestampMilliseconds);
    }

    private void End()
    {
        _json.WriteEndObject();
        _json.Flush();
    }
}
