using System.Text.Json;
using BlazeFace.Cli.Output;
using BlazeFace.Imaging;
using BlazeFace.Web.Requests;

namespace BlazeFace.Web.Tracking;

/// <summary>
/// <c>mesh=true</c>: a connection's own <see cref="FaceLandmarker"/>, running the detector its query asks for, follows
/// the faces by their landmarks with its video form, as <c>blazeface video --mesh</c> does; each face in the reply
/// has its id, the box around its landmarks, <c>"presence"</c> and 468 <c>"landmarks"</c>, and the detector's
/// <c>"score"</c> and <c>"keypoints"</c> on the frames where the detector found it.
/// </summary>
/// <remarks>
/// A landmarker of its own, not a shared one: the video form holds one stream. It shares the compiled models with
/// every other landmarker and holds its working sets (a detector's and a landmark session, about 1.8 MB) until the
/// connection closes; <see cref="Hosting.WebSampleOptions.MaxWebSockets"/> bounds how many there are.
/// </remarks>
internal sealed class LandmarkerFollower(DetectionQuery query) : IFaceFollower
{
    /// <summary>
    /// The most faces one connection follows with the mesh (<see cref="FaceLandmarkerOptions.MaxFaces"/>): more than
    /// a webcam shows, and a bound on the landmark runs per frame. While fewer are followed the detector runs on every
    /// frame, as the tracker's does, so a face coming into view is mapped at once.
    /// </summary>
    public const int MaxFaces = 10;

    private readonly FaceLandmarker _landmarker = new(new FaceLandmarkerOptions { Detector = query.DetectorOptions(), MaxFaces = MaxFaces });

    /// <summary>Filled in place frame after frame: nothing is allocated per frame once warm.</summary>
    private readonly FaceMesh[] _meshes = new FaceMesh[MaxFaces];
    private int _count;

    public void Track(ImageView frame, TimeSpan timestamp) => _count = _landmarker.Track(frame, timestamp, _meshes, out _);

    public void WriteFaces(Utf8JsonWriter json) => TrackedFrameJsonWriter.WriteFaces(json, _meshes.AsSpan(0, _count));

    public void Dispose() => _landmarker.Dispose();
}
