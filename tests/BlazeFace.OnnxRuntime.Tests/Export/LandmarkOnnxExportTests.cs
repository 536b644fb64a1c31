using BlazeFace.Tests.Support;

namespace BlazeFace.OnnxRuntime.Tests.Export;

/// <summary>
/// The face landmark network exported to ONNX: TFLite's interface (NHWC input, the two outputs NHWC [1, 1, 1, C] as
/// TFLite has them), PReLU as ONNX's PRelu, and, run by ONNX Runtime, the outputs of TFLite and of the managed
/// network on every landmark golden within the tolerances of <see cref="OnnxExportParityTests"/>.
/// </summary>
public sealed class LandmarkOnnxExportTests : IDisposable
{
    private const float TfliteTolerance = 1e-3f;
    private const float ManagedTolerance = 1e-4f;
    private const float OfRange = 5e-6f;

    private readonly ExportedGraph _graph = new(BlazeFaceModel.FaceLandmarks);

    private static IEnumerable<string> Goldens => LandmarkGoldenCase.All().Select(golden => golden.Name);

    public void Dispose() => _graph.Dispose();

    [Test]
    public void Graph_has_tflites_input_and_nhwc_outputs_by_name_and_shape()
    {
        Assert.That(_graph.Inputs.Keys, Is.EqualTo(new[] { "input" }));
        Assert.That(_graph.Inputs["input"].Dimensions, Is.EqualTo(new[] { 1, 192, 192, 3 }));
        Assert.That(_graph.Outputs.Keys, Is.EquivalentTo(new[] { "landmarks", "presence" }));
        Assert.That(_graph.Outputs["landmarks"].Dimensions, Is.EqualTo(new[] { 1, 1, 1, 1404 }));
        Assert.That(_graph.Outputs["presence"].Dimensions, Is.EqualTo(new[] { 1, 1, 1, 1 }));
    }

    [Test]
    public void Graph_uses_only_standard_operators_with_prelu_for_every_prelu_layer()
    {
        ProtobufField graph = ProtobufField.Read(_graph.Bytes).Single(f => f.Number == 7);
        string[] opTypes = [.. ProtobufField.Read(graph.Bytes).Where(f => f.Number == 1)
            .Select(node => ProtobufField.Read(node.Bytes).Single(f => f.Number == 4).Text)];

        Assert.That(opTypes.Distinct(), Is.SubsetOf(new[] { "Add", "Conv", "MaxPool", "Pad", "PRelu", "Transpose" }));
        Assert.That(opTypes.Count(op => op == "PRelu"), Is.EqualTo(23));
        Assert.That(opTypes.Count(op => op == "Transpose"), Is.EqualTo(3), "the input to NCHW, both outputs back to NHWC");
    }

    [Test]
    public void The_onnx_runtime_engine_runs_it_like_the_managed_network()
    {
        var golden = new LandmarkGoldenCase(Goldens.First());
        using NetworkSession managed = BlazeFaceModel.FaceLandmarks.CreateSession();
        golden.Input.CopyTo(managed.Input);
        managed.Run();
        using var engine = new OnnxRuntimeEngine();
        using NetworkSession onnx = engine.CreateSession(BlazeFaceModel.FaceLandmarks);
        golden.Input.CopyTo(onnx.Input);

        onnx.Run();

        Difference.AssertWithin(managed.GetOutput(0), onnx.GetOutput(0), ManagedTolerance, OfRange, "landmarks");
        Difference.AssertWithin(managed.GetOutput(1), onnx.GetOutput(1), ManagedTolerance, OfRange, "presence");
    }

    [TestCaseSource(nameof(Goldens))]
    public void Exported_graph_matches_tflite_within_float32_rounding(string name)
    {
        var golden = new LandmarkGoldenCase(name);

        (float[] landmarks, float[] presence) = _graph.Run(golden.Input);

        TestContext.Out.WriteLine($"{golden}: ONNX Runtime vs TFLite");
        Difference.AssertWithin(golden.Landmarks, landmarks, TfliteTolerance, OfRange, "landmarks");
        Difference.AssertWithin(golden.Presence, presence, TfliteTolerance, OfRange, "presence");
    }

    [TestCaseSource(nameof(Goldens))]
    public void Exported_graph_matches_the_managed_network_within_float32_rounding(string name)
    {
        var golden = new LandmarkGoldenCase(name);
        using NetworkSession managed = BlazeFaceModel.FaceLandmarks.CreateSession();
        golden.Input.CopyTo(managed.Input);
        managed.Run();

        (float[] landmarks, float[] presence) = _graph.Run(golden.Input);

        TestContext.Out.WriteLine($"{golden}: ONNX Runtime vs managed");
        Difference.AssertWithin(managed.GetOutput(0), landmarks, ManagedTolerance, OfRange, "landmarks");
        Difference.AssertWithin(managed.GetOutput(1), presence, ManagedTolerance, OfRange, "presence");
    }
}
