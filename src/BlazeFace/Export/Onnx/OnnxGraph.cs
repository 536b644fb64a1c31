namespace BlazeFace.Export.Onnx;

/// <summary>ONNX <c>GraphProto</c>: nodes in topological order, the weights as initializers, and the graph's inputs and outputs.</summary>
internal sealed class OnnxGraph : IProtobufMessage
{
    private const int NodeField = 1;
    private const int NameField = 2;
    private const int InitializerField = 5;
    private const int InputField = 11;
    private const int OutputField = 12;

    public OnnxGraph(string name, IReadOnlyList<OnnxNode> nodes, IReadOnlyList<OnnxTensor> initializers, IReadOnlyList<OnnxValueInfo> inputs, IReadOnlyList<OnnxValueInfo> outputs)
    {
        Name = name;
        Nodes = nodes;
        Initializers = initializers;
        Inputs = inputs;
        Outputs = outputs;
    }

    public string Name { get; }

    public IReadOnlyList<OnnxNode> Nodes { get; }

    public IReadOnlyList<OnnxTensor> Initializers { get; }

    public IReadOnlyList<OnnxValueInfo> Inputs { get; }

    public IReadOnlyList<OnnxValueInfo> Outputs { get; }

    public void WriteTo(ProtobufWriter writer)
    {
        writer.WriteMessages(NodeField, Nodes);
        writer.WriteString(NameField, Name);
        writer.WriteMessages(InitializerField, Initializers);
        writer.WriteMessages(InputField, Inputs);
        writer.WriteMessages(OutputField, Outputs);
    }
}
