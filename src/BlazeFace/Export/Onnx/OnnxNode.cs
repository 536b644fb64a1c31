namespace BlazeFace.Export.Onnx;

/// <summary>ONNX <c>NodeProto</c>: one operator of the default domain, with the names of the tensors it reads and writes.</summary>
internal sealed class OnnxNode : IProtobufMessage
{
    private const int InputField = 1;
    private const int OutputField = 2;
    private const int NameField = 3;
    private const int OpTypeField = 4;
    private const int AttributeField = 5;

    public OnnxNode(string opType, string name, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, IReadOnlyList<OnnxAttribute>? attributes = null)
    {
        OpType = opType;
        Name = name;
        Inputs = inputs;
        Outputs = outputs;
        Attributes = attributes ?? [];
    }

    /// <summary>The operator, e.g. "Conv".</summary>
    public string OpType { get; }

    public string Name { get; }

    /// <summary>Input tensor names; an empty name stands for an omitted optional input.</summary>
    public IReadOnlyList<string> Inputs { get; }

    public IReadOnlyList<string> Outputs { get; }

    public IReadOnlyList<OnnxAttribute> Attributes { get; }

    public void WriteTo(ProtobufWriter writer)
    {
        foreach (string input in Inputs)
        {
            writer.WriteString(InputField, input);
        }

        foreach (string output in Outputs)
        {
            writer.WriteString(OutputField, output);
        }

        writer.WriteString(NameField, Name);
        writer.WriteString(OpTypeField, OpType);
        writer.WriteMessages(AttributeField, Attributes);
    }
}
