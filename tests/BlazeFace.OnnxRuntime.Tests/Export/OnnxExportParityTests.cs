using BlazeFace.Tests.Support;
using Microsoft.ML.OnnxRuntime;

namespace BlazeFace.OnnxRuntime.Tests.Export;

/// <summary>
/// The exported ONNX graph, run by ONNX Runtime, computes what TensorFlow Lite and the managed network compute, on
/// every golden input of every detector model, within float32 rounding: 1e-3 of TFLite and 1e-4 of the managed network,
/// or 5e-6 of the output's range where that is larger (see <see cref="Difference"/>; measured, the largest
/// difference is 2.4e-6 of the range from the managed network and 2.6e-6 from TFLite).
/// </summary>
public sealed class OnnxExportParityTests : IDisposable
{
    private const float TfliteTolerance = 1e-3f;
    private const float ManagedTolerance = 1e-4f;
    private const float OfRange = 5e-6f;

    private readonly ExportedGraphs _graphs = new();

    private static IEnumerable<TestCaseData> Goldens() =>
        Golden.All().Select(golden => new TestCaseData(golden.Folder, golden.Name).SetArgDisplayNames(golden.ToString()));

    /// <summary>NUnit disposes a fixture after its last test: the sessions go then.</summary>
    public void Dispose() => _graphs.Dispose();

    [Test]
    public void Every_model_has_goldens_to_compare_with()
    {
        foreach (string folder in Golden.Folders.Keys)
        {
            Assert.That(Golden.All().Count(g => g.Folder == folder), Is.GreaterThanOrEqualTo(4), folder);
        }
    }

    [TestCaseSource(nameof(Goldens))]
    public void Exported_graph_matches_tflite_within_float32_rounding(string folder, string name)
    {
        var golden = new Golden(folder, name);

        (float[] regressors, float[] classificators) = _graphs[golden.Model].Run(golden.Input);

        TestContext.Out.WriteLine($"{golden}: ONNX Runtime vs TFLite");
        Difference.AssertWithin(golden.Regressors, regressors, TfliteTolerance, OfRange, "regressors");
        Difference.AssertWithin(golden.Classificators, classificators, TfliteTolerance, OfRange, "classificators");
    }

    [TestCaseSource(nameof(Goldens))]
    public void Exported_graph_matches_the_managed_network_within_float32_rounding(string folder, string name)
    {
        var golden = new Golden(folder, name);
        using NetworkSession managed = golden.Model.CreateSession();
        golden.Input.CopyTo(managed.Input);
        managed.Run();

        (float[] regressors, float[] classificators) = _graphs[golden.Model].Run(golden.Input);

        TestContext.Out.WriteLine($"{golden}: ONNX Runtime vs managed");
        Difference.AssertWithin(managed.GetOutput(0), regressors, ManagedTolerance, OfRange, "regressors");
        Difference.AssertWithin(managed.GetOutput(1), classificators, ManagedTolerance, OfRange, "classificators");
    }
}
