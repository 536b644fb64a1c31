using BlazeFace.Tests.Support;
using Microsoft.ML.OnnxRuntime;

namespace BlazeFace.OnnxRuntime.Tests.Export;

/// <summary>What the exported file declares: TFLite's interface, opset 17, standard operators, explicit padding, stable bytes.</summary>
public class OnnxExportFileTests
{
    private static readonly BundledModel[] s_kinds = [BundledModel.ShortRange, BundledModel.FullRange, BundledModel.FullRangeSparse, BundledModel.BackCamera];

    private static IEnumerable<BundledModel> Kinds => s_kinds;

    [TestCaseSource(nameof(Kinds))]
    public void Graph_has_tflites_input_and_outputs_by_name_and_shape(BundledModel kind)
    {
        BlazeFaceModel model = kind.Load();
        using var graph = new ExportedGraph(model);
        int s = model.InputSize, n = model.AnchorCount;

        Assert.That(graph.Inputs.Keys, Is.EqualTo(new[] { "input" }));
        Assert.That(graph.Inputs["input"].Dimensions, Is.EqualTo(new[] { 1, s, s, 3 }));
        Assert.That(graph.Inputs["input"].ElementDataType, Is.EqualTo(Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float));
        Assert.That(graph.Outputs.Keys, Is.EquivalentTo(new[] { "regressors", "classificators" }));
        Assert.That(graph.Outputs["regressors"].Dimensions, Is.EqualTo(new[] { 1, n, 16 }));
        Assert.That(graph.Outputs["classificators"].Dimensions, Is.EqualTo(new[] { 1, n, 1 }));
    }

    [TestCaseSource(nameof(Kinds))]
    public void File_declares_ir_version_8_and_the_default_opset_17(BundledModel kind)
    {
        IReadOnlyList<ProtobufField> model = ProtobufField.Read(Export(kind.Load()));

        Assert.That(model.Single(f => f.Number == 1).Varint, Is.EqualTo(8), "ir_version");
        IReadOnlyList<ProtobufField> opset = ProtobufField.Read(model.Single(f => f.Number == 8).Bytes);
        Assert.That(opset.Where(f => f.Number == 1).Select(f => f.Text), Is.Empty.Or.EqualTo(new[] { string.Empty }), "opset domain");
        Assert.That(opset.Single(f => f.Number == 2).Varint, Is.EqualTo(17), "opset version");
    }

    [TestCaseSource(nameof(Kinds))]
    public void Graph_uses_only_standard_operators_with_explicit_padding(BundledModel kind)
    {
        IReadOnlyList<ProtobufField> nodes = Nodes(kind.Load());
        string[] opTypes = [.. nodes.Select(node => ProtobufField.Read(node.Bytes).Single(f => f.Number == 4).Text).Distinct().Order()];
        string[] attributes = [.. nodes
            .SelectMany(node => ProtobufField.Read(node.Bytes).Where(f => f.Number == 5))
            .Select(attribute => ProtobufField.Read(attribute.Bytes).Single(f => f.Number == 1).Text)
            .Distinct()];

        TestContext.Out.WriteLine($"{kind}: {nodes.Count} nodes, operators {string.Join(", ", opTypes)}");
        Assert.That(opTypes, Is.SubsetOf(new[] { "Add", "Concat", "Conv", "DepthToSpace", "MaxPool", "Pad", "Relu", "Reshape", "Resize", "Transpose" }));
        Assert.That(attributes, Does.Contain("pads"));
        Assert.That(attributes, Does.Not.Contain("auto_pad"));
    }

    [TestCaseSource(nameof(Kinds))]
    public void Export_gives_the_same_bytes_every_time(BundledModel kind)
    {
        BlazeFaceModel model = kind.Load();

        Assert.That(Export(model).AsSpan().SequenceEqual(Export(model)), Is.True);
    }

    [TestCase("face_detection_front.tflite", BundledModel.ShortRange)]
    [TestCase("face_detection_full_range.tflite", BundledModel.FullRange)]
    [TestCase("face_detection_back.tflite", BundledModel.BackCamera)]
    [TestCase("face_detection_full_range_sparse.tflite", BundledModel.FullRangeSparse)]
    public void A_model_loaded_from_a_file_exports_the_same_graph_as_the_bundled_one(string fileName, BundledModel kind)
    {
        BlazeFaceModel loaded = BlazeFaceModel.FromFile(RepositoryFiles.Asset($"models/{fileName}"));

        Assert.That(Export(loaded).AsSpan().SequenceEqual(Export(kind.Load())), Is.True);
    }

    [Test]
    public void Export_writes_at_the_streams_position_and_leaves_it_open()
    {
        using var stream = new MemoryStream();
        stream.Write([1, 2, 3]);

        BlazeFaceModel.ShortRange.ExportOnnx(stream);

        Assert.That(stream.CanWrite, Is.True);
        Assert.That(stream.ToArray().AsSpan(0, 3).SequenceEqual(new byte[] { 1, 2, 3 }), Is.True, "bytes before the position");
        Assert.That(stream.ToArray().AsSpan(3).SequenceEqual(Export(BlazeFaceModel.ShortRange)), Is.True, "the file after them");
    }

    [Test]
    public void Export_to_null_throws_ArgumentNullException()
    {
        var error = Assert.Throws<ArgumentNullException>(() => BlazeFaceModel.ShortRange.ExportOnnx(null!));
        Assert.That(error!.ParamName, Is.EqualTo("destination"));
    }

    [Test]
    public void Export_to_a_read_only_stream_throws_ArgumentException()
    {
        using var readOnly = new MemoryStream(new byte[16], writable: false);

        var error = Assert.Throws<ArgumentException>(() => BlazeFaceModel.ShortRange.ExportOnnx(readOnly));
        Assert.That(error!.ParamName, Is.EqualTo("destination"));
    }

    [Test]
    public void Graph_runs_identically_with_onnx_runtime_optimisations_off()
    {
        var golden = Golden.All().First(g => g.Folder == "full" && g.Name == "astronaut");
        using var optimised = new ExportedGraph(golden.Model);
        using var plain = new ExportedGraph(golden.Model, GraphOptimizationLevel.ORT_DISABLE_ALL);

        (float[] expected, _) = plain.Run(golden.Input);
        (float[] actual, _) = optimised.Run(golden.Input);

        // Unoptimised, every node runs as written (no fusion, no layout change): the graph itself is right, not
        // just what ONNX Runtime rewrites it into.
        Difference.AssertWithin(expected, actual, 1e-4f, 5e-6f, "regressors");
        Difference.AssertWithin(golden.Regressors, expected, 1e-3f, 5e-6f, "unoptimised vs TFLite");
    }

    private static byte[] Export(BlazeFaceModel model)
    {
        using var stream = new MemoryStream();
        model.ExportOnnx(stream);
        return stream.ToArray();
    }

    private static IReadOnlyList<ProtobufField> Nodes(BlazeFaceModel model)
    {
        ProtobufField graph = ProtobufField.Read(Export(model)).Single(f => f.Number == 7);
        return [.. ProtobufField.Read(graph.Bytes).Where(f => f.Number == 1)];
    }
}
