using BlazeFace.Kernels;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Network;

/// <summary>
/// The rebuilt face-landmark network reproduces the real TFLite interpreter's outputs on every landmark golden, at
/// every kernel set: the 1404 landmark coordinates and the presence logit, each within 1e-3 absolute.
/// </summary>
public class LandmarkNetworkParityTests
{
    private const float Tolerance = 1e-3f;

    private static IEnumerable<TestCaseData> Cases() =>
        from golden in LandmarkGoldenCase.All()
        from kernels in KernelSets.All
        select new TestCaseData(golden.Name, kernels.Name).SetArgDisplayNames(golden.ToString(), kernels.Name);

    [Test]
    public void There_are_goldens_from_at_least_three_photos_and_one_synthetic_input()
    {
        LandmarkGoldenCase[] goldens = [.. LandmarkGoldenCase.All()];
        Assert.That(goldens.Count(g => g.IsSynthetic), Is.GreaterThanOrEqualTo(1), "synthetic goldens");
        Assert.That(goldens.Count(g => !g.IsSynthetic), Is.GreaterThanOrEqualTo(3), "photo goldens");
    }

    [TestCaseSource(nameof(Cases))]
    public void Outputs_match_tflite_within_1e_3(string name, string kernelSetName)
    {
        var golden = new LandmarkGoldenCase(name);
        NetworkRun run = NetworkRun.Fused(BlazeFaceModel.FaceLandmarks, KernelSets.ByName(kernelSetName), golden.Input);

        TestContext.Out.WriteLine($"{golden} [{kernelSetName}]: max |diff| landmarks {NetworkParityTests.MaxAbsDifference(golden.Landmarks, run.Landmarks):E2} " +
            $"(largest |value| {golden.Landmarks.Max(MathF.Abs):F1}), presence {NetworkParityTests.MaxAbsDifference(golden.Presence, run.Presence):E2} (logit {golden.Presence[0]:F3})");
        Assert.That(run.Landmarks, Is.EqualTo(golden.Landmarks).Within(Tolerance), "landmarks");
        Assert.That(run.Presence, Is.EqualTo(golden.Presence).Within(Tolerance), "presence");
    }

    [Test]
    public void Layer_by_layer_run_matches_tflite_within_1e_3()
    {
        LandmarkGoldenCase golden = LandmarkGoldenCase.All().First(g => !g.IsSynthetic);
        NetworkRun run = NetworkRun.LayerByLayer(BlazeFaceModel.FaceLandmarks, KernelSet.Scalar, golden.Input);

        Assert.That(run.Landmarks, Is.EqualTo(golden.Landmarks).Within(Tolerance), "landmarks");
        Assert.That(run.Presence, Is.EqualTo(golden.Presence).Within(Tolerance), "presence");
    }
}
