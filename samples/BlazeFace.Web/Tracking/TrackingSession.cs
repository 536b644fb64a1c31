using System.Diagnostics;
using System.Net.WebSockets;
using System.Threading.Channels;
using BlazeFace.SkiaSharp;
using BlazeFace.Web.Detection;
using BlazeFace.Web.Imaging;
using BlazeFace.Web.Requests;
using SkiaSharp;

namespace BlazeFace.Web.Tracking;

/// <summary>
/// One tracking WebSocket: a follower of its own (a <see cref="FaceTracker"/>, or with <c>mesh=true</c> a
/// <see cref="FaceLandmarker"/>; see <see cref="IFaceFollower"/>) follows the faces through the page's frames, so ids
/// stay stable for as long as a face is in view. Frames are received as fast as the page sends them but only the
/// newest waits to be processed: a frame still waiting when a newer one arrives is dropped (and counted), so a slow
/// server shows the page fewer, fresher results instead of building a queue. A connection holds at most two frames
/// in memory, the one being processed and the one waiting.
/// </summary>
internal sealed class TrackingSession(
    WebSocket socket, DetectionQuery query, IFaceFollower faces, DetectionSlots slots, DetectionThreads threads, EncodedImageDecoder decoder, int maxImageBytes)
{
    private long _dropped;
    private double _lastTimestamp = double.NegativeInfinity;

    /// <summary>Runs until the page closes the connection, breaks the protocol or goes away, then closes the socket.</summary>
    public async Task RunAsync(CancellationToken cancellation)
    {
        // Capacity 1, dropping the oldest: the newest frame always replaces one that is still waiting.
        Channel<TrackingFrame> waiting = Channel.CreateBounded<TrackingFrame>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true },
            _ => Interlocked.Increment(ref _dropped));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var reader = new FrameMessageReader(socket, maxImageBytes);

        Task processing = ProcessAsync(waiting.Reader, stop);
        try
        {
            while (await reader.ReadAsync(stop.Token) is { } frame)
            {
                waiting.Writer.TryWrite(frame);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The page went away mid-message, or the server is stopping.
        }

        waiting.Writer.TryComplete();
        await processing;
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            (WebSocketCloseStatus status, string description) = reader.Ending;
            try
            {
                await socket.CloseAsync(status, description, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // Closed from the other side meanwhile.
            }
        }
    }

    /// <summary>Answers the waiting frame, one at a time; when it stops, for whatever reason, the reading stops too.</summary>
    private async Task ProcessAsync(ChannelReader<TrackingFrame> frames, CancellationTokenSource stop)
    {
        using var message = new TrackedFrameMessage();
        try
        {
            await foreach (TrackingFrame frame in frames.ReadAllAsync(stop.Token))
            {
                await ProcessAsync(frame, message, stop.Token);
                await socket.SendAsync(message.Written, WebSocketMessageType.Text, endOfMessage: true, stop.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The page went away while a reply was being sent.
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    /// <summary>Writes the frame's reply: its tracked faces, or why it could not be processed.</summary>
    private async Task ProcessAsync(TrackingFrame frame, TrackedFrameMessage message, CancellationToken cancellation)
    {
        if (frame.TimestampMilliseconds <= _lastTimestamp)
        {
            message.WriteError(frame, StatusCodes.Status400BadRequest, "Each frame's timestamp must be later than the previous frame's.");
            return;
        }

        using var slot = await slots.EnterAsync(cancellation);
        if (!slot.IsAcquired)
        {
            Interlocked.Increment(ref _dropped);
            message.WriteError(frame, StatusCodes.Status429TooManyRequests, "The server is busy; the frame was dropped.");
            return;
        }

        await threads.RunAsync(() => Track(frame, message));
    }

    /// <summary>The CPU-bound part: decodes the frame and follows its faces, timing both.</summary>
    private bool Track(TrackingFrame frame, TrackedFrameMessage message)
    {
        long start = Stopwatch.GetTimestamp();
        using SKBitmap? image = decoder.Decode(frame.Encoded, out RequestProblem? problem);
        if (image is null)
        {
            message.WriteError(frame, problem!.Status, problem.Detail);
            return false;
        }

        faces.Track(image.AsImageView(), TimeSpan.FromMilliseconds(frame.TimestampMilliseconds));
        _lastTimestamp = frame.TimestampMilliseconds;
        double milliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        message.WriteFaces(frame, image.Width, image.Height, query.ModelName, milliseconds, Interlocked.Read(ref _dropped), faces);
        return true;
    }
}
