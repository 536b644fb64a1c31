using System.Net;
using System.Net.WebSockets;
using System.Numerics;
using System.Text.Json;
using BlazeFace.SkiaSharp;
using BlazeFace.Web.Tests.Support;
using BlazeFace.Web.Tracking;
using SkiaSharp;

namespace BlazeFace.Web.Tests.Tracking;

/// <summary>
/// The /api/track WebSocket follows the faces of one connection's frames with a tracker of its own (with mesh=true, a
/// face landmarker of its own), replies to the newest frame and drops the ones it had no time for, and closes the
/// connection on a broken protocol.
/// </summary>
public class TrackingSocketTests
{
    private WebSampleServer _server = null!;
    private byte[] _astronaut = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        // One detection at a time, so frames sent in a burst must wait and the newest replaces the waiting one.
        _server = await WebSampleServer.StartAsync("MaxConcurrentDetections=1", "MaxRequestBytes=200000");
        _astronaut = EncodedFrames.Jpeg("astronaut.png");
    }

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    public async Task A_still_face_keeps_one_id_from_the_frame_that_confirms_it()
    {
        using TrackingSocket socket = await TrackingSocket.ConnectAsync(_server);
        var ids = new List<long[]>();
        for (int frame = 0; frame < 8; frame++)
        {
            await socket.SendFrameAsync(frame * 33.3, _astronaut);
            JsonElement reply = (await socket.ReceiveAsync())!.Value;
            Assert.That(reply.GetProperty("frame").GetInt32(), Is.EqualTo(frame));
            Assert.That(reply.GetProperty("time_ms").GetDouble(), Is.EqualTo(frame * 33.3));
            Assert.That(reply.GetProperty("model").GetString(), Is.EqualTo("short"));
            Assert.That(reply.GetProperty("server_ms").GetDouble(), Is.GreaterThan(0));
            ids.Add([.. reply.GetProperty("faces").EnumerateArray().Select(face => face.GetProperty("id").GetInt64())]);
        }

        // The tracker confirms a face once it is detected in two frames (FaceTrackerOptions.MinHits).
        Assert.That(ids[0], Is.Empty);
        Assert.That(ids.Skip(1), Has.All.EqualTo(new long[] { 1 }));
    }

    [Test]
    public async Task Each_connection_has_a_tracker_of_its_own()
    {
        using TrackingSocket first = await TrackingSocket.ConnectAsync(_server);
        using TrackingSocket second = await TrackingSocket.ConnectAsync(_server, "?model=full");
        JsonElement? firstReply = null;
        JsonElement? secondReply = null;
        for (int frame = 0; frame < 3; frame++)
        {
            await first.SendFrameAsync(frame * 40, _astronaut);
            firstReply = await first.ReceiveAsync();
            await second.SendFrameAsync(frame * 40, _astronaut);
            secondReply = await second.ReceiveAsync();
        }

        Assert.That(firstReply!.Value.GetProperty("faces")[0].GetProperty("id").GetInt64(), Is.EqualTo(1));
        Assert.That(secondReply!.Value.GetProperty("faces")[0].GetProperty("id").GetInt64(), Is.EqualTo(1), "ids count per connection");
        Assert.That(secondReply!.Value.GetProperty("model").GetString(), Is.EqualTo("full"));
    }

    [Test]
    public async Task Frames_sent_faster_than_they_are_processed_are_dropped_and_the_newest_is_answered()
    {
        const int Frames = 30;
        using TrackingSocket socket = await TrackingSocket.ConnectAsync(_server);
        for (int frame = 0; frame < Frames; frame++)
        {
            await socket.SendFrameAsync(frame * 33.3, _astronaut);
        }

        var answered = new List<int>();
        long dropped = 0;
        while (answered.Count == 0 || answered[^1] != Frames - 1)
        {
            JsonElement reply = (await socket.ReceiveAsync())!.Value;
            answered.Add(reply.GetProperty("frame").GetInt32());
            dropped = reply.GetProperty("dropped").GetInt64();
        }

        Assert.That(answered, Is.Ordered.Ascending.And.Unique);
        Assert.That(answered, Has.Count.LessThan(Frames), "a burst of frames cannot all be processed as they arrive");
        Assert.That(dropped, Is.EqualTo(Frames - answered.Count), "every frame is answered or counted as dropped");
    }

    [Test]
    public async Task A_frame_not_later_than_the_previous_one_gets_an_error_reply_and_the_connection_goes_on()
    {
        using TrackingSocket socket = await TrackingSocket.ConnectAsync(_server);
        await socket.SendFrameAsync(100, _astronaut);
        await socket.ReceiveAsync();

        await socket.SendFrameAsync(100, _astronaut);
        JsonElement error = (await socket.ReceiveAsync())!.Value;
        await socket.SendFrameAsync(200, _astronaut);
        JsonElement next = (await socket.ReceiveAsync())!.Value;

        Assert.That(error.GetProperty("status").GetInt32(), Is.EqualTo(400));
        Assert.That(error.GetProperty("error").GetString(), Is.EqualTo("Each frame's timestamp must be later than the previous frame's."));
        Assert.That(next.GetProperty("faces").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_frame_that_is_not_an_image_gets_a_415_reply()
    {
        using TrackingSocket socket = await TrackingSocket.ConnectAsync(_server);

        await socket.SendFrameAsync(0, "not an image"u8.ToArray());
        JsonElement reply = (await socket.ReceiveAsync())!.Value;

        Assert.That(reply.GetProperty("status").GetInt32(), Is.EqualTo(415));
        Assert.That(reply.GetProperty("frame").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task A_frame_over_the_byte_limit_closes_the_connection_with_1009()
    {
        using TrackingSocket socket = await TrackingSocket.ConnectAsync(_server);

        await socket.SendFrameAsync(0, new byte[200_001]);

        Assert.That(await socket.ReceiveAsync(), Is.Null);
        Assert.That(socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.MessageTooBig));
    }

    [Test]
    public async Task A_text_message_closes_the_connection_with_1003()
    {
        using TrackingSocket socket = await TrackingSocket.ConnectAsync(_server);

        await socket.SendAsync("hello"u8.ToArray(), WebSocketMessageType.Text);

        Assert.That(await socket.ReceiveAsync(), Is.Null);
        Assert.That(socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.InvalidMessageType));
    }

    [TestCase(double.NaN)]
    [TestCase(-1.0)]
    [TestCase(1e13)]
    public async Task A_timestamp_out_of_range_closes_the_connection_with_1007(double timestamp)
    {
        using TrackingSocket socket = await TrackingSocket.ConnectAsync(_server);

        await socket.SendFrameAsync(timestamp, _astronaut);

        Assert.That(await socket.ReceiveAsync(), Is.Null);
        Assert.That(socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.InvalidPayloadData));
    }

    [Test]
    public async Task With_mesh_each_face_is_followed_by_its_landmarks_as_the_library_s_landmarker_follows_it()
    {
        using var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { MaxFaces = LandmarkerFollower.MaxFaces });
        using SKBitmap decoded = UprightImage.Decode(_astronaut);
        var expected = new FaceMesh[LandmarkerFollower.MaxFaces];
        using TrackingSocket socket = await TrackingSocket.ConnectAsync(_server, "?mesh=true");
        for (int frame = 0; frame < 4; frame++)
        {
            await socket.SendFrameAsync(frame * 33.3, _astronaut);
            JsonElement reply = (await socket.ReceiveAsync())!.Value;
            int count = landmarker.Track(decoded.AsImageView(), TimeSpan.FromMilliseconds(frame * 33.3), expected, out _);

            JsonElement[] faces = [.. reply.GetProperty("faces").EnumerateArray()];
            Assert.That(count, Is.EqualTo(1), "the library follows the face");
            Assert.That(faces, Has.Length.EqualTo(count), $"frame {frame}");
            Assert.That(faces[0].EnumerateObject().Select(property => property.Name), Is.EqualTo(frame == 0
                ? new[] { "id", "score", "box", "keypoints", "presence", "landmarks" }
                : new[] { "id", "box", "presence", "landmarks" }), "the detector's score and keypoints on the frame it found the face in, as in blazeface video --mesh");
            Assert.That(faces[0].GetProperty("id").GetInt64(), Is.EqualTo(expected[0].TrackId).And.EqualTo(1));
            Assert.That(faces[0].GetProperty("presence").GetSingle(), Is.EqualTo(expected[0].Presence));
            Assert.That(Landmarks(faces[0]), Is.EqualTo(expected[0].Landmarks.ToArray()), $"the library's smoothed landmarks on frame {frame}");
        }
    }

    [Test]
    public async Task One_socket_past_the_limit_is_refused_with_429()
    {
        await using WebSampleServer server = await WebSampleServer.StartAsync("MaxWebSockets=2");
        using TrackingSocket first = await TrackingSocket.ConnectAsync(server);
        using TrackingSocket second = await TrackingSocket.ConnectAsync(server);
        using var third = new ClientWebSocket { Options = { CollectHttpResponseDetails = true } };

        Assert.ThrowsAsync<WebSocketException>(() => third.ConnectAsync(server.WebSocketAddress("/api/track"), CancellationToken.None));
        Assert.That(third.HttpStatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    private static Vector3[] Landmarks(JsonElement face) =>
        [.. face.GetProperty("landmarks").EnumerateArray().Select(point => new Vector3(point.GetProperty("x").GetSingle(), point.GetProperty("y").GetSingle(), point.GetProperty("z").GetSingle()))];
}
