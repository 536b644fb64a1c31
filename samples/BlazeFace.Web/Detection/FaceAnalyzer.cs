using BlazeFace.Cli.Commands;
using BlazeFace.Imaging;
using BlazeFace.SkiaSharp;
using BlazeFace.Web.Requests;
using SkiaSharp;

namespace BlazeFace.Web.Detection;

/// <summary>
/// Finds the faces in one photo as the query asks: the same detector, options and result as <c>blazeface detect</c>,
/// and with <c>mesh=true</c> the meshes of <c>blazeface detect --mesh</c>. Detectors and landmarkers come from
/// the catalogs that share them.
/// </summary>
internal sealed class FaceAnalyzer(DetectorCatalog detectors, LandmarkerCatalog landmarkers)
{
    public PhotoFaces Detect(SKBitmap image, DetectionQuery query)
    {
        ImageView view = image.AsImageView();
        if (!query.Mesh)
        {
            using CatalogLease<FaceDetector> detector = detectors.Rent(query);
            return new PhotoFaces(detector.Instance.Detect(view), Meshes: null);
        }

        // The landmarker's own detector has the query's options, so its faces are those of the detector path.
        using CatalogLease<FaceLandmarker> landmarker = landmarkers.Rent(query);
        IReadOnlyList<FaceDetection> faces = landmarker.Instance.Detector.Detect(view);
        return new PhotoFaces(faces, DetectionMeshes.Map(landmarker.Instance, view, faces));
    }
}
