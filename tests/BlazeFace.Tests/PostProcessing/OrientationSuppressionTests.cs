using BlazeFace.PostProcessing.Suppression;

namespace BlazeFace.Tests.PostProcessing;

/// <summary>Merging orientations (hard suppression of faces in image pixels) keeps the best-scoring face of each overlapping group, unblended.</summary>
public class OrientationSuppressionTests
{
    [Test]
    public void The_best_of_overlapping_faces_is_kept_as_it_is_and_the_others_dropped()
    {
        FaceDetection[] faces = [Face(0.7f, 10, 0), Face(0.9f, 12, 2), Face(0.8f, 200, 0), Face(0.6f, 11, 1)];
        var kept = new FaceDetection[4];

        int count = SuppressionCore.Hard<FaceDetection>(faces, 0.3f, kept);

        Assert.That(kept.Take(count).Select(f => (f.Score, f.BoundingBox.X)), Is.EqualTo(new[] { (0.9f, 12f), (0.8f, 200f) }));
    }

    [Test]
    public void Output_stops_when_the_destination_is_full()
    {
        FaceDetection[] faces = [Face(0.7f, 0, 0), Face(0.9f, 100, 0), Face(0.8f, 200, 0)];
        var kept = new FaceDetection[2];

        int count = SuppressionCore.Hard<FaceDetection>(faces, 0.3f, kept);

        Assert.That(kept.Take(count).Select(f => f.Score), Is.EqualTo(new[] { 0.9f, 0.8f }));
    }

    private static FaceDetection Face(float score, float x, float y) => new(score, new FaceBox(x, y, 50, 50), default);
}
