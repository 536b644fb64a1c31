using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text.Json;

namespace BlazeFace.Web.Tests.Support;

/// <summary>A client of the /api/track WebSocket speaking its protocol: binary frames (8-byte timestamp, then the image) out, JSON text replies in.</summary>
internal sealed class TrackingSocket : IDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket;

    private TrackingSocket(ClientWebSocket socket) => _socket = socket;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public static async Task<TrackingSocket> ConnectAsync(WebSampleServer server, string query = "")
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        await socket.ConnectAsync(server.WebSocketAddress("/api/track" + query), timeout.Token);
        return new TrackingSocket(socket);
    }

    public async Task SendFrameAsync(double timestampMilliseconds, byte[] image)
    {
        byte[] message = new byte[8 + image.Length];
        BinaryPrimitives.WriteDoubleLittleEndian(message, timestampMilliseconds);
        image.CopyTo(message, 8);
        await SendAsync(message, WebSocketMessageType.Binary);
    }

    public async Task SendAsync(byte[] message, WebSocketMessageType type)
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        await _socket.SendAsync(message, type, endOfMessage: true, timeout.Token);
    }

    /// <summary>The next reply, or null when the server closed the connection instead (see <see cref="CloseStatus"/>).</summary>
    public async Task<JsonElement?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        using var message = new MemoryStream();
        byte[] buffer = new byte[8192];
        WebSocketReceiveResult part;
        do
        {
            part = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (part.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            Assert.That(part.MessageType, Is.EqualTo(WebSocketMessageType.Text), "replies are text");
            message.Write(buffer, 0, part.Count);
        }
        while (!part.EndOfMessage);

        using JsonDocument reply = JsonDocument.Parse(message.ToArray());
        return reply.RootElement.Clone();
    }

    public void Dispose() => _socket.Dispose();
}
