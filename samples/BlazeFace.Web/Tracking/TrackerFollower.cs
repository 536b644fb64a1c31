using System.Text.Json;
using BlazeFace.Cli.Output;
using BlazeFace.Imaging;
using BlazeFace.Web.Detection;

namespace BlazeFace.Web.Tracking;

/// <summary>
/// A connection's <see cref="FaceTracker"/> over the shared detector for its query, with the tracker's documented
/// defaults (FaceTrackerOptions): two detections confirm a face, ten missed frames end it. Disposing returns the
/// detector's lease.
/// </summary>
internal sealed class TrackerFollower(CatalogLease<FaceDetector> detector) : IFaceFollower
{
    private static readonly FaceTrackerOptions TrackerOptions = new();

    private readonly FaceTracker _tracker = new(detector.Instance, TrackerOptions);

    /// <summary>Room for every confirmed track.</summary>
    private readonly TrackedFace[] _faces = new TrackedFace[TrackerOptions.MaxTracks];
    private int _count;

    public void Track(ImageView frame, TimeSpan timestamp) => _count = _tracker.Track(frame, timestamp, _faces, out _);

    public void WriteFaces(Utf8JsonWriter json) => TrackedFrameJsonWriter.WriteFaces(json, _faces.AsSpan(0, _count));

    public void Dispose() => detector.Dispose();
}
