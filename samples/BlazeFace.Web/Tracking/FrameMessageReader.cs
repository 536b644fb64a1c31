using System.Buffers.Binary;
using System.Net.WebSockets;

namespace BlazeFace.Web.Tracking;

/// <summary>
/// Reads the page's frame messages from a tracking WebSocket. A frame is one binary message: the capture time in
/// milliseconds as a little-endian 64-bit float, then the encoded image. A message longer than the limit is not read
/// past it; the connection is then closed with 1009 (message too big).
/// </summary>
internal sealed class FrameMessageReader(WebSocket socket, int maxImageBytes)
{
    private const int TimestampBytes = sizeof(double);

    /// <summary>Latest timestamp accepted: 31 years of milliseconds, far within what a TimeSpan holds.</summary>
    private const double MaxTimestamp = 1e12;

    private readonly byte[] _chunk = new byte[16 * 1024];
    private int _received;

    /// <summary>Why the reading stopped, once <see cref="ReadAsync"/> has returned null.</summary>
    public (WebSocketCloseStatus Status, string Description) Ending { get; private set; } = (WebSocketCloseStatus.NormalClosure, "bye");

    /// <summary>The next frame, or null when the page closed the connection or broke the protocol (see <see cref="Ending"/>).</summary>
    public async Task<TrackingFrame?> ReadAsync(CancellationToken cancellation)
    {
        using var message = new MemoryStream();
        WebSocketReceiveResult part;
        do
        {
            part = await socket.ReceiveAsync(_chunk, cancellation);
            if (part.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            if (part.MessageType != WebSocketMessageType.Binary)
            {
                Ending = (WebSocketCloseStatus.InvalidMessageType, "frames are binary messages: an 8-byte timestamp, then the image");
                return null;
            }

            if (message.Length + part.Count > maxImageBytes + TimestampBytes)
            {
                Ending = (WebSocketCloseStatus.MessageTooBig, $"a frame may hold at most {maxImageBytes} bytes of image");
                return null;
            }

            message.Write(_chunk, 0, part.Count);
        }
        while (!part.EndOfMessage);

        if (message.Length <= TimestampBytes)
        {
            Ending = (WebSocketCloseStatus.InvalidPayloadData, "a frame is an 8-byte timestamp followed by the image");
            return null;
        }

        byte[] bytes = message.ToArray();
        double timestamp = BinaryPrimitives.ReadDoubleLittleEndian(bytes);
        if (!(timestamp is >= 0 and <= MaxTimestamp))
        {
            Ending = (WebSocketCloseStatus.InvalidPayloadData, "a frame's timestamp must be a number of milliseconds from 0 to 1e12");
            return null;
        }

        return new TrackingFrame(_received++, timestamp, bytes.AsMemory(TimestampBytes));
    }
}
