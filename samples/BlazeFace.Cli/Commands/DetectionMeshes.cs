using BlazeFace.Imaging;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// detect --mesh's meshes, and the web sample's for <c>mesh=true</c> (it compiles this file in): one per detection,
/// in detection order. The landmark model runs on every face the detector found (not only the best
/// <see cref="FaceLandmarker.MaxFaces"/>), and a face it rejects keeps its presence score and has no landmarks, so
/// every detection stays in the result.
/// </summary>
internal static class DetectionMeshes
{
    public static FaceMesh[] Map(FaceLandmarker landmarker, ImageView image, IReadOnlyList<FaceDetection> faces)
    {
        var meshes = new FaceMesh[faces.Count];
        for (int i = 0; i < meshes.Length; i++)
        {
            meshes[i] = new FaceMesh();
            landmarker.Detect(image, faces[i], meshes[i]);
        }

        return meshes;
    }
}
