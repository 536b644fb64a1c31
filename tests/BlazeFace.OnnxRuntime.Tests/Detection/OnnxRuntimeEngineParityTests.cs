using BlazeFace.Tests.Support;

namespace BlazeFace.OnnxRuntime.Tests.Detection;

/// <summary>
/// On every photo and every bundled detector model, a detector on <see cref="OnnxRuntimeEngine"/> finds exactly the faces the
/// managed engine finds: same count, order, boxes and keypoints within 0.01 px and scores within 1e-5.
/// </summary>
/// <remarks>
/// Only the network differs between the two (and its outputs agree to float32 rounding); pre- and post-processing
/// are the same code. Measured, the largest difference is about 1e-3 px and 2e-7 in score, so the tolerance is tight.
/// </remarks>
public class OnnxRuntimeEngineParityTests
{
    private const float PixelTolerance = 0.01f;
    private const float ScoreTolerance = 1e-5f;

    private static readonly BundledModel[] s_kinds = [BundledModel.ShortRange, BundledModel.FullRange, BundledModel.FullRangeSparse, BundledModel.BackCamera];

    private static IEnumerable<BundledModel> Kinds => s_kinds;

    [TestCaseSource(nameof(Kinds))]
    public void Detections_equal_the_managed_detectors_on_every_photo(BundledModel kind)
    {
        using var engine = new OnnxRuntimeEngine();
        using var managed = new FaceDetector(new FaceDetectorOptions { Model = kind.Load() });
        using var onnx = new FaceDetector(new FaceDetectorOptions { Model = kind.Load(), Engine = engine });
        int faces = 0;
        float worstPixel = 0, worstScore = 0;

        foreach (string photo in TestImages.Names)
        {
            RgbImage image = TestImages.Load(photo);
            IReadOnlyList<FaceDetection> expected = managed.Detect(image.AsView());

            IReadOnlyList<FaceDetection> actual = onnx.Detect(image.AsView());

            Assert.That(actual, Has.Count.EqualTo(expected.Count), photo);
            for (int i = 0; i < expected.Count; i++)
            {
                worstPixel = Math.Max(worstPixel, LargestPixelDifference(expected[i], actual[i]));
                worstScore = Math.Max(worstScore, Math.Abs(expected[i].Score - actual[i].Score));
            }

            faces += expected.Count;
        }

        TestContext.Out.WriteLine($"{kind}: {faces} faces on {TestImages.Names.Count} photos; largest difference {worstPixel:E2} px, score {worstScore:E2}");
        Assert.That(faces, Is.GreaterThanOrEqualTo(5), "faces compared");
        Assert.That(worstPixel, Is.LessThanOrEqualTo(PixelTolerance), "boxes and keypoints (px)");
        Assert.That(worstScore, Is.LessThanOrEqualTo(ScoreTolerance), "scores");
    }

    private static float LargestPixelDifference(FaceDetection a, FaceDetection b)
    {
        FaceBox x = a.BoundingBox, y = b.BoundingBox;
        float worst = Math.Max(Math.Max(Math.Abs(x.X - y.X), Math.Abs(x.Y - y.Y)), Math.Max(Math.Abs(x.Width - y.Width), Math.Abs(x.Height - y.Height)));
        foreach (FaceKeypointKind point in Enum.GetValues<FaceKeypointKind>())
        {
            FaceKeypoint p = a.Keypoints[point], q = b.Keypoints[point];
            worst = Math.Max(worst, Math.Max(Math.Abs(p.X - q.X), Math.Abs(p.Y - q.Y)));
        }

        return worst;
    }
}
