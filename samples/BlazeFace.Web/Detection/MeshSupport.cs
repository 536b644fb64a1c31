namespace BlazeFace.Web.Detection;

/// <summary>
/// Whether this build can add MediaPipe's 468-point face mesh to its results (<c>mesh=true</c>). The one place that
/// says so: the query parser refuses <c>mesh=true</c> with <see cref="Unavailable"/> (a 400) while
/// <see cref="IsAvailable"/> is false, and the page greys out its mesh switch after asking <c>GET /api/features</c>.
/// </summary>
/// <remarks>
/// Wiring the face landmarker in: set <see cref="IsAvailable"/> to true; in <see cref="FaceAnalyzer"/> run the
/// landmarker's detect form for a photo and, in <see cref="Tracking.TrackingSession"/>, its video form instead of the
/// <see cref="FaceTracker"/> when the query asks for the mesh; and write each face's <c>"presence"</c> and
/// <c>"landmarks"</c> through the CLI's JSON writer. The query, the WebSocket protocol and the page already carry the
/// switch.
/// </remarks>
internal static class MeshSupport
{
    public static bool IsAvailable => false;

    public const string Unavailable = "mesh is not available in this build.";
}
