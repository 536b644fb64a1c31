using BlazeFace.Web.Hosting;
using BlazeFace.Web.Requests;
using Microsoft.Extensions.Options;

namespace BlazeFace.Web.Detection;

/// <summary>
/// The server's detectors, one per (model, minScore) asked for, shared by every request and WebSocket (a
/// <see cref="FaceDetector"/> is thread-safe), up to <see cref="WebSampleOptions.MaxCachedDetectors"/>.
/// </summary>
internal sealed class DetectorCatalog(IOptions<WebSampleOptions> options) : SharedCatalog<FaceDetector>(options.Value.MaxCachedDetectors)
{
    protected override FaceDetector Create(DetectionQuery query) => new(query.DetectorOptions());
}
