using BlazeFace.Landmarks;
using BlazeFace.Tests.Support;

namespace BlazeFace.Benchmarks.Race;

/// <summary>A landmark session's input as the landmarker makes it: the crop of the photo's best face, so the networks run on a real face.</summary>
internal static class MeshCrop
{
    public static void Fill(NetworkSession session, RgbImage photo)
    {
        using var detector = new FaceDetector();
        FaceDetection face = detector.Detect(photo.AsView())[0];
        RegionCrop.Sample(photo.AsView(), FaceRegion.FromDetection(face), BlazeFaceModel.FaceLandmarks.InputSize, useVectors: true, session.Input);
    }
}
