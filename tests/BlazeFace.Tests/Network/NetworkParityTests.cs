using BlazeFace.Kernels;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Network;

/// <summary>The rebuilt networks reproduce the real TFLite interpreter's outputs, element by element.</summary>
public class NetworkParityTests
{
    // Absolute 1e-3 plus 1e-5 of the value. The back-camera model's outputs for background anchors reach -9,200
    // (logits) and -1,400 (regressors), where consecutive float32 values are 1e-3 and 1e-4 apart: two float32
    // summation orders over some 80 layers (ours and XNNPACK's) drift apart by about 1e-6 of such values, beyond 1e-3
    // absolute. Relative to the value the drift stays below 1e-5 everywhere; the short- and full-range outputs meet 1e-3
    // absolute outright. Scores come from logits through a sigmoid, so a logit of -80 or below is a score of 0 either way.
    private const float AbsoluteTolerance = 1e-3f;
    private const float RelativeTolerance = 1e-5f;

    private static IEnumerable<TestCaseData> Cases() =>
        from golden in GoldenCase.All()
        from kernels in KernelSets.All
        select new TestCaseData(golden.Model, golden.Name, kernels.Name).SetArgDisplayNames(golden.ToString(), kernels.Name);

    [TestCase("short")]
    [TestCase("full")]
    [TestCase("back")]
    public void Each_model_has_goldens_from_at_least_three_photos_and_one_synthetic_input(string model)
    {
        GoldenCase[] goldens = [.. GoldenCase.All(model)];
        Assert.That(goldens.Count(g => g.IsSynthetic), Is.GreaterThanOrEqualTo(1), "synthetic goldens");
        Assert.That(goldens.Count(g => !g.IsSynthetic), Is.GreaterThanOrEqualTo(3), "photo goldens");
    }

    [TestCaseSource(nameof(Cases))]
    public void Outputs_match_tflite_within_tolerance(string model, string name, string kernelSetName)
    {
        var golden = new GoldenCase(model, name);
        NetworkRun run = NetworkRun.Fused(golden.BlazeFaceModel, KernelSets.ByName(kernelSetName), golden.Input);

        TestContext.Out.WriteLine($"{golden} [{kernelSetName}]: max |diff| regressors {MaxAbsDifference(golden.Regressors, run.Regressors):E2} " +
            $"(where |value| < 100: {MaxAbsDifference(golden.Regressors, run.Regressors, below: 100):E2}), " +
            $"classificators {MaxAbsDifference(golden.Classificators, run.Classificators):E2} " +
            $"(where |logit| < 100: {MaxAbsDifference(golden.Classificators, run.Classificators, below: 100):E2}; largest |logit| {golden.Classificators.Max(MathF.Abs):F0})");
        AssertWithinTolerance(golden.Regressors, run.Regressors, "regressors");
        AssertWithinTolerance(golden.Classificators, run.Classificators, "classificators");
    }

    [TestCase("short")]
    [TestCase("full")]
    [TestCase("back")]
    public void Layer_by_layer_run_matches_tflite_within_tolerance(string model)
    {
        GoldenCase golden = GoldenCase.All(model).First(g => !g.IsSynthetic);
        NetworkRun run = NetworkRun.LayerByLayer(golden.BlazeFaceModel, KernelSet.Scalar, golden.Input);

        AssertWithinTolerance(golden.Regressors, run.Regressors, "regressors");
        AssertWithinTolerance(golden.Classificators, run.Classificators, "classificators");
    }

    internal static float MaxAbsDifference(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, float below = float.PositiveInfinity)
    {
        Assert.That(actual.Length, Is.EqualTo(expected.Length), "element count");
        float max = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            if (!(MathF.Abs(expected[i]) < below))
            {
                continue;
            }

            float diff = MathF.Abs(expected[i] - actual[i]);
            max = float.IsNaN(diff) ? float.PositiveInfinity : MathF.Max(max, diff);
        }

        return max;
    }

    private static void AssertWithinTolerance(float[] expected, float[] actual, string what)
    {
        Assert.That(actual, Has.Length.EqualTo(expected.Length), $"{what}: element count");
        for (int i = 0; i < expected.Length; i++)
        {
            float allowed = AbsoluteTolerance + (RelativeTolerance * MathF.Abs(expected[i]));
            if (!(MathF.Abs(expected[i] - actual[i]) <= allowed))
            {
                Assert.Fail($"{what}[{i}]: TFLite {expected[i]}, here {actual[i]}; allowed difference {allowed:E2}.");
            }
        }
    }
}
