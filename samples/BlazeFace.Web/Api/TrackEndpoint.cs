using BlazeFace.Web.Detection;
using BlazeFace.Web.Hosting;
using BlazeFace.Web.Imaging;
using BlazeFace.Web.Requests;
using BlazeFace.Web.Tracking;
using Microsoft.Extensions.Options;

namespace BlazeFace.Web.Api;

/// <summary>
/// <c>GET /api/track?model=&amp;minScore=&amp;mesh=</c>, a WebSocket: the page sends webcam frames, the server
/// replies to each frame it processes with the faces tracked so far (<see cref="TrackingSession"/>), with their meshes
/// for <c>mesh=true</c>. The query is checked, and the number of open sockets, before the upgrade: a plain HTTP
/// request, a bad query or one socket too many is answered 400 or 429 with problem details.
/// </summary>
internal static class TrackEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, OpenSocketCount sockets, DetectorCatalog detectors, DetectionSlots slots, DetectionThreads threads, EncodedImageDecoder decoder, IOptions<WebSampleOptions> options)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return ProblemResponses.For(RequestProblem.BadRequest("/api/track is a WebSocket; open it with a WebSocket client."), context);
        }

        if (DetectionQuery.Parse(context.Request.Query, out RequestProblem? problem) is not { } query)
        {
            return ProblemResponses.For(problem!, context);
        }

        if (!sockets.TryOpen())
        {
            return ProblemResponses.For(RequestProblem.Busy("Too many tracking connections are open; try again shortly."), context);
        }

        try
        {
            // Made before the upgrade, so a model still to be built delays the handshake rather than the first frame.
            using IFaceFollower faces = query.Mesh ? new LandmarkerFollower(query) : new TrackerFollower(detectors.Rent(query));
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var session = new TrackingSession(socket, query, faces, slots, threads, decoder, options.Value.MaxRequestBytes);
            await session.RunAsync(context.RequestAborted);
            return Results.Empty;
        }
        finally
        {
            sockets.Close();
        }
    }
}
