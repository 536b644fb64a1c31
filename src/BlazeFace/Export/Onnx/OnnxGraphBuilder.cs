namespace BlazeFace.Export.Onnx;

/// <summary>Collects an ONNX graph's nodes and initializers in the order they are added, which is the order they are written.</summary>
internal sealed class OnnxGraphBuilder
{
    private readonly List<OnnxNode> _nodes = [];
    private readonly List<OnnxTensor> _initializers = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Adds a node writing one tensor, <paramref name="output"/>, which is also the node's name.</summary>
    public void AddNode(string opType, string output, IReadOnlyList<string> inputs, params OnnxAttribute[] attributes)
    {
        Claim(output);
        _nodes.Add(new OnnxNode(opType, output, inputs, [output], attributes));
    }

    /// <summary>Adds a constant and returns its name.</summary>
    public string AddInitializer(OnnxTensor tensor)
    {
        Claim(tensor.Name);
        _initializers.Add(tensor);
        return tensor.Name;
    }

    public OnnxGraph Build(string name, IReadOnlyList<OnnxValueInfo> inputs, IReadOnlyList<OnnxValueInfo> outputs) =>
        new(name, [.. _nodes], [.. _initializers], inputs, outputs);

    /// <summary>ONNX requires every tensor name to be written once; a clash here is a bug in the exporter, not in the model.</summary>
    private void Claim(string name)
    {
        if (!_names.Add(name))
        {
            throw new InvalidOperationException($"The ONNX graph already has a tensor named '{name}'.");
        }
    }
}
