using BlazeFace.Kernels;
using BlazeFace.Network;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Network;

/// <summary>The rebuilt networks reproduce the real TFLite interpreter's outputs, element by element.</summary>
public class NetworkParityTests
{
    private const float Tolerance = 1e-3f;

    private static IEnumerable<TestCaseData> Cases() =>
        from model in new[] { "short", "full" }
        from golden in GoldenCase.All(model)
        from kernels in KernelSets.All
        select new TestCaseData(golden.Model, golden.Name, kernels.Name).SetArgDisplayNames(golden.ToString(), kernels.Name);

    [TestCase("short")]
    [TestCase("full")]
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
        BlazeFaceNetwork network = golden.BlazeFaceModel.CreateNetwork(KernelSets.ByName(kernelSetName));
        golden.Input.CopyTo(network.InputTensor);

        network.Run();

        float regressorsDiff = MaxAbsDifference(golden.Regressors, network.Regressors.Output.Span);
        float scoresDiff = MaxAbsDifference(golden.Classificators, network.Classificators.Output.Span);
        TestContext.Out.WriteLine($"{golden} [{kernelSetName}]: max |diff| regressors {regressorsDiff:E2}, classificators {scoresDiff:E2}");
        Assert.That(regressorsDiff, Is.LessThanOrEqualTo(Tolerance), "regressors");
        Assert.That(scoresDiff, Is.LessThanOrEqualTo(Tolerance), "classificators");
    }

    [TestCase("short")]
    [TestCase("full")]
    public void Layer_by_layer_run_matches_tflite_within_tolerance(string model)
    {
        GoldenCase golden = GoldenCase.All(model).First(g => !g.IsSynthetic);
        BlazeFaceNetwork network = golden.BlazeFaceModel.CreateNetwork(KernelSet.Scalar, shareActivations: false);
        golden.Input.CopyTo(network.InputTensor);

        network.RunLayerByLayer();

        Assert.That(MaxAbsDifference(golden.Regressors, network.Regressors.Output.Span), Is.LessThanOrEqualTo(Tolerance));
        Assert.That(MaxAbsDifference(golden.Classificators, network.Classificators.Output.Span), Is.LessThanOrEqualTo(Tolerance));
    }

    internal static float MaxAbsDifference(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.That(actual.Length, Is.EqualTo(expected.Length), "element count");
        float max = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            float diff = MathF.Abs(expected[i] - actual[i]);
            max = float.IsNaN(diff) ? float.PositiveInfinity : MathF.Max(max, diff);
        }

        return max;
    }
}
