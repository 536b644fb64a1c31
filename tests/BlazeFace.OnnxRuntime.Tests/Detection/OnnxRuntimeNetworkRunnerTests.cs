using BlazeFace.Tests.Support;

namespace BlazeFace.OnnxRuntime.Tests.Detection;

/// <summary>
/// The add-on's network stage itself (input and outputs pre-bound to the session) gives the managed network's raw
/// outputs, within float32 rounding as in <see cref="Export.OnnxExportParityTests"/>, on every golden input.
/// </summary>
public sealed class OnnxRuntimeNetworkRunnerTests : IDisposable
{
    private readonly ExportedGraphs _graphs = new();

    private static IEnumerable<TestCaseData> Goldens() =>
        Golden.All().Select(golden => new TestCaseData(golden.Folder, golden.Name).SetArgDisplayNames(golden.ToString()));

    /// <summary>NUnit disposes a fixture after its last test: the sessions go then.</summary>
    public void Dispose() => _graphs.Dispose();

    [TestCaseSource(nameof(Goldens))]
    public void Bound_outputs_equal_the_managed_networks_within_float32_rounding(string folder, string name)
    {
        var golden = new Golden(folder, name);
        using BlazeFace.Network.BlazeFaceNetworkSession managed = golden.Model.CreateSession();
        golden.Input.CopyTo(managed.Input);
        managed.Run();
        using var runner = new OnnxRuntimeNetworkRunner(_graphs[golden.Model].Session, golden.Model);
        golden.Input.CopyTo(runner.Input);

        runner.Run();

        TestContext.Out.WriteLine($"{golden}: add-on runner vs managed");
        Difference.AssertWithin(managed.Regressors, runner.Regressors, 1e-4f, 5e-6f, "regressors");
        Difference.AssertWithin(managed.ScoreLogits, runner.Classificators, 1e-4f, 5e-6f, "classificators");
    }

    [Test]
    public void A_second_run_overwrites_the_bound_outputs()
    {
        Golden[] goldens = [.. Golden.All().Where(g => g.Folder == "short").Take(2)];
        using var runner = new OnnxRuntimeNetworkRunner(_graphs[BlazeFaceModel.ShortRange].Session, BlazeFaceModel.ShortRange);
        goldens[0].Input.CopyTo(runner.Input);
        runner.Run();
        float[] first = runner.Classificators.ToArray();

        goldens[1].Input.CopyTo(runner.Input);
        runner.Run();

        Assert.That(runner.Classificators.SequenceEqual(first), Is.False);
        Difference.AssertWithin(goldens[1].Classificators, runner.Classificators, 1e-3f, 5e-6f, "second run vs its TFLite golden");
    }
}
