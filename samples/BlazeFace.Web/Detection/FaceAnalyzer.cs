using BlazeFace.SkiaSharp;
using BlazeFace.Web.Requests;
using SkiaSharp;

namespace BlazeFace.Web.Detection;

/// <summary>
/// Finds the faces in one photo as the query asks, with the detector <see cref="DetectorCatalog"/> keeps for its
/// model and threshold: the same detector, options and result as <c>blazeface detect</c>.
/// </summary>
internal sealed class FaceAnalyzer(DetectorCatalog detectors)
{
    /// <summary>The faces, best first, in the image's pixels.</summary>
    public IReadOnlyList<FaceDetection> Detect(SKBitmap image, DetectionQuery query)
    {
        // The mesh seam (see MeshSupport): with query.Mesh, run the face landmarker's detect form here instead.
        using DetectorLease lease = detectors.Rent(query);
        return lease.Detector.Detect(image.AsImageView());
    }
}
