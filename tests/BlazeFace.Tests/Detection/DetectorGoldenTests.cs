using BlazeFace;
using BlazeFace.Imaging;
using BlazeFace.Preprocessing;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Detection;

/// <summary>
/// End to end on real photos: the detector agrees with an independent computation (numpy) from the TFLite goldens —
/// same pre-processed tensor, same number of faces, boxes and keypoints within a pixel.
/// </summary>
public class DetectorGoldenTests
{
    private const float PixelTolerance = 1f;

    private static IEnumerable<TestCaseData> PhotoGoldens() =>
        from golden in GoldenCase.All()
        where !golden.IsSynthetic
        from nms in new[] { "weighted", "hard" }
        select new TestCaseData(golden.Model, golden.Name, nms).SetArgDisplayNames(golden.Model, golden.Name, nms);

    private static IEnumerable<TestCaseData> PhotoInputs() =>
        from golden in GoldenCase.All()
        where !golden.IsSynthetic
        select new TestCaseData(golden.Model, golden.Name).SetArgDisplayNames(golden.Model, golden.Name);

    [Test]
    public void At_least_five_photos_with_faces_are_checked_for_each_model()
    {
        foreach (string model in GoldenCase.Models.Keys)
        {
            int withFaces = GoldenCase.All(model).Where(g => !g.IsSynthetic).Count(g => ExpectedDetections.Load(g.DetectionsPath).Faces.Length > 0);
            Assert.That(withFaces, Is.GreaterThanOrEqualTo(5), model);
        }
    }

    [TestCaseSource(nameof(PhotoGoldens))]
    public void Detections_match_the_independent_reference(string model, string name, string nms)
    {
        var golden = new GoldenCase(model, name);
        ExpectedDetections expected = ExpectedDetections.Load(nms == "hard" ? golden.DetectionsPath.Replace(".detections.json", ".hard_nms.detections.json", StringComparison.Ordinal) : golden.DetectionsPath);
        RgbImage image = TestImages.Load(expected.Image);
        using var detector = new FaceDetector(new FaceDetectorOptions
        {
            Model = golden.BlazeFaceModel,
            ResizeMode = expected.Resize == "stretch" ? ResizeMode.Stretch : ResizeMode.Letterbox,
            NonMaxSuppression = nms == "hard" ? NonMaxSuppressionKind.Hard : NonMaxSuppressionKind.Weighted,
        });

        IReadOnlyList<FaceDetection> faces = detector.Detect(image.AsView());

        TestContext.Out.WriteLine($"{golden} {nms}: {faces.Count} face(s), expected {expected.Faces.Length}");
        Assert.That(faces, Has.Count.EqualTo(expected.Faces.Length));
        for (int i = 0; i < faces.Count; i++)
        {
            AssertSameFace(faces[i], expected.Faces[i], $"face {i}");
        }
    }

    [TestCaseSource(nameof(PhotoInputs))]
    public void Pre_processed_tensor_matches_the_golden_input(string model, string name)
    {
        var golden = new GoldenCase(model, name);
        ExpectedDetections expected = ExpectedDetections.Load(golden.DetectionsPath);
        RgbImage image = TestImages.Load(expected.Image);
        int size = golden.BlazeFaceModel.InputSize;
        var converter = new ImageToTensorConverter(size, size, expected.Resize == "stretch" ? ResizeMode.Stretch : ResizeMode.Letterbox);
        float[] tensor = new float[size * size * 3];

        converter.Convert(image.AsView(), tensor);

        Assert.That(Network.NetworkParityTests.MaxAbsDifference(golden.Input, tensor), Is.LessThanOrEqualTo(1e-5f));
    }

    [TestCase("no_face_coffee.png")]
    [TestCase("no_face_stairs.png")]
    public void Photos_without_faces_give_no_detections(string fileName)
    {
        RgbImage image = TestImages.Load(fileName);
        foreach (BundledModel kind in Enum.GetValues<BundledModel>())
        {
            BlazeFaceModel model = kind.Load();
            using var detector = new FaceDetector(new FaceDetectorOptions { Model = model });
            Assert.That(detector.Detect(image.AsView()), Is.Empty, model.Name);
        }
    }

    private static void AssertSameFace(FaceDetection actual, ExpectedFace expected, string what)
    {
        Assert.That(actual.Score, Is.EqualTo(expected.Score).Within(1e-3f), $"{what} score");
        Assert.That(actual.BoundingBox.X, Is.EqualTo(expected.Box.X).Within(PixelTolerance), $"{what} x");
        Assert.That(actual.BoundingBox.Y, Is.EqualTo(expected.Box.Y).Within(PixelTolerance), $"{what} y");
        Assert.That(actual.BoundingBox.Width, Is.EqualTo(expected.Box.Width).Within(PixelTolerance), $"{what} width");
        Assert.That(actual.BoundingBox.Height, Is.EqualTo(expected.Box.Height).Within(PixelTolerance), $"{what} height");
        for (int k = 0; k < FaceKeypoints.Count; k++)
        {
            Assert.That(actual.Keypoints[k].X, Is.EqualTo(expected.Keypoints[2 * k]).Within(PixelTolerance), $"{what} keypoint {k} x");
            Assert.That(actual.Keypoints[k].Y, Is.EqualTo(expected.Keypoints[(2 * k) + 1]).Within(PixelTolerance), $"{what} keypoint {k} y");
        }
    }
}
