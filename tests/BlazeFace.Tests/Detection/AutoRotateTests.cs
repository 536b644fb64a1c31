using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Detection;

/// <summary>Automatic orientation: four searches, each face kept from the orientation where it scores best.</summary>
public class AutoRotateTests
{
    private static readonly ImageProcessingOptions AutoRotate = new() { AutoRotate = true };

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void A_photo_of_unknown_orientation_gives_the_face_as_its_upright_search_does(int quarters)
    {
        RgbImage turned = TurnedImages.QuarterTurns(TestImages.Load("astronaut.png"), quarters);
        using var detector = new FaceDetector();
        FaceDetection matching = detector.Detect(turned.AsView(), new ImageProcessingOptions { RotationDegrees = 90 * quarters }).Single();

        FaceDetection found = detector.Detect(turned.AsView(), AutoRotate).Single();

        Assert.That(found, Is.EqualTo(matching));
    }

    [Test]
    public void The_best_orientation_scores_higher_than_the_photo_as_it_is()
    {
        RgbImage turned = TurnedImages.QuarterTurns(TestImages.Load("astronaut.png"), 1);
        using var detector = new FaceDetector();
        float asItIs = detector.Detect(turned.AsView()).Select(f => f.Score).DefaultIfEmpty(0).Max();

        FaceDetection found = detector.Detect(turned.AsView(), AutoRotate).Single();

        Assert.That(found.Score, Is.GreaterThan(asItIs));
        Assert.That(found.RotatedBoundingBox.AngleDegrees, Is.EqualTo(-90f), "kept from the search turned 90° clockwise");
    }

    [Test]
    public void Each_face_of_an_upright_photo_comes_back_once([Values("group_mosaic.png", "grace_hopper.png")] string photo)
    {
        RgbImage image = TestImages.Load(photo);
        using var detector = new FaceDetector();
        IReadOnlyList<FaceDetection> upright = detector.Detect(image.AsView());

        IReadOnlyList<FaceDetection> found = detector.Detect(image.AsView(), AutoRotate);

        Assert.That(found, Has.Count.EqualTo(upright.Count));
        foreach (FaceDetection face in upright)
        {
            Assert.That(found.Count(f => f.BoundingBox.IntersectionOverUnion(face.BoundingBox) > 0.5f), Is.EqualTo(1));
        }
    }

    [Test]
    public void Results_are_best_first_and_at_most_max_faces()
    {
        RgbImage image = TestImages.Load("group_mosaic.png");
        using var detector = new FaceDetector(new FaceDetectorOptions { MaxFaces = 1 });

        IReadOnlyList<FaceDetection> found = detector.Detect(image.AsView(), AutoRotate);
        using var unlimited = new FaceDetector();
        IReadOnlyList<FaceDetection> all = unlimited.Detect(image.AsView(), AutoRotate);

        Assert.That(found, Has.Count.EqualTo(1));
        Assert.That(all.Select(f => f.Score), Is.Ordered.Descending);
        Assert.That(found[0], Is.EqualTo(all[0]));
    }
}
