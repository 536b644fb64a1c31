using BlazeFace.Tests.Support;

namespace BlazeFace.OnnxRuntime.Tests.Detection;

/// <summary>
/// The engine's sessions (input and outputs pre-bound to ONNX Runtime) give the managed network's raw outputs, within
/// float32 rounding as in <see cref="Export.OnnxExportParityTests"/>, on every golden input.
/// </summary>
public sealed class OnnxRuntimeSessionTests : IDisposable
{
    private readonly OnnxRuntimeEngine _engine = new();

    private static IEnumerable<TestCaseData> Goldens() =>
        Golden.All().Select(golden => new TestCaseData(golden.Folder, golden.Name).SetArgDisplayNames(golden.ToString()));

    /// <summary>NUnit disposes a fixture after its last test: the inference sessions go then.</summary>
    public void Dispose() => _engine.Dispose();

    [TestCaseSource(nameof(Goldens))]
    public void Outputs_equal_the_managed_networks_within_float32_rounding(string folder, string name)
    {
        var golden = new Golden(folder, name);
        using NetworkSession managed = golden.Model.CreateSession();
        golden.Input.CopyTo(managed.Input);
        managed.Run();
        using NetworkSession onnx = _engine.CreateSession(golden.Model);
        golden.Input.CopyTo(onnx.Input);

        onnx.Run();

        TestContext.Out.WriteLine($"{golden}: ONNX Runtime session vs managed");
        Difference.AssertWithin(managed.GetOutput(0), onnx.GetOutput(0), 1e-4f, 5e-6f, "regressors");
        Difference.AssertWithin(managed.GetOutput(1), onnx.GetOutput(1), 1e-4f, 5e-6f, "classificators");
    }

    [Test]
    public void A_second_run_overwrites_the_bound_outputs()
    {
        Golden[] goldens = [.. Golden.All().Where(g => g.Folder == "short").Take(2)];
        using NetworkSession session = _engine.CreateSession(BlazeFaceModel.ShortRange);
        goldens[0].Input.CopyTo(session.Input);
        session.Run();
        float[] first = session.GetOutput(1).ToArray();

        goldens[1].Input.CopyTo(session.Input);
        session.Run();

        Assert.That(session.GetOutput(1).SequenceEqual(first), Is.False);
        Difference.AssertWithin(goldens[1].Classificators, session.GetOutput(1), 1e-3f, 5e-6f, "second run vs its TFLite golden");
    }

    [Test]
    public void An_output_the_model_does_not_have_is_refused_naming_the_index()
    {
        using NetworkSession session = _engine.CreateSession(BlazeFaceModel.ShortRange);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => session.GetOutput(2));
        Assert.That(error!.ParamName, Is.EqualTo("index"));
    }
}
