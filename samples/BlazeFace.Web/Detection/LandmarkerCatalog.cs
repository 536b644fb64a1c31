using BlazeFace.Web.Hosting;
using BlazeFace.Web.Requests;
using Microsoft.Extensions.Options;

namespace BlazeFace.Web.Detection;

/// <summary>
/// The face landmarkers for photos with <c>mesh=true</c>, one per (model, minScore) asked for, each running the
/// detector that query asks for, shared by every request (a <see cref="FaceLandmarker"/>'s Detect forms are
/// thread-safe), up to <see cref="WebSampleOptions.MaxCachedDetectors"/>. Tracking connections do not use them: the
/// video form holds one stream, so each connection makes a landmarker of its own.
/// </summary>
/// <remarks>
/// <see cref="FaceLandmarkerOptions.MaxFaces"/> stays at its default: it caps the landmarker's list and span forms,
/// while a photo runs its one-face form on every face the detector reports (as <c>blazeface detect --mesh</c> does;
/// see <see cref="FaceAnalyzer"/>), so a photo's meshes are bounded by the detector's own
/// <see cref="FaceDetectorOptions.MaxFaces"/>, 100.
/// </remarks>
internal sealed class LandmarkerCatalog(IOptions<WebSampleOptions> options) : SharedCatalog<FaceLandmarker>(options.Value.MaxCachedDetectors)
{
    protected override FaceLandmarker Create(DetectionQuery query) => new(new FaceLandmarkerOptions { Detector = query.DetectorOptions() });
}
