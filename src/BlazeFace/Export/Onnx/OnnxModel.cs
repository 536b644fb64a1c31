namespace BlazeFace.Export.Onnx;

/// <summary>
/// ONNX <c>ModelProto</c>: the file. It names the IR version and imports one operator set, the default domain's,
/// at the version the graph was written for (nested <c>OperatorSetIdProto</c>).
/// </summary>
internal sealed class OnnxModel : IProtobufMessage
{
    private const int IrVersionField = 1;
    private const int ProducerNameField = 2;
    private const int ProducerVersionField = 3;
    private const int DocStringField = 6;
    private const int GraphField = 7;
    private const int OpsetImportField = 8;

    public OnnxModel(long irVersion, long opsetVersion, string producerName, string producerVersion, string docString, OnnxGraph graph)
    {
        IrVersion = irVersion;
        OpsetVersion = opsetVersion;
        ProducerName = producerName;
        ProducerVersion = producerVersion;
        DocString = docString;
        Graph = graph;
    }

    public long IrVersion { get; }

    /// <summary>Version of the default ("ai.onnx") operator set the graph uses.</summary>
    public long OpsetVersion { get; }

    public string ProducerName { get; }

    public string ProducerVersion { get; }

    public string DocString { get; }

    public OnnxGraph Graph { get; }

    public void WriteTo(ProtobufWriter writer)
    {
        writer.WriteInt64(IrVersionField, IrVersion);
        writer.WriteString(ProducerNameField, ProducerName);
        writer.WriteString(ProducerVersionField, ProducerVersion);
        writer.WriteString(DocStringField, DocString);
        writer.WriteMessage(GraphField, Graph);
        writer.WriteMessage(OpsetImportField, new OperatorSetId(OpsetVersion));
    }

    /// <summary>Writes the model as a complete .onnx file.</summary>
    public void WriteTo(Stream destination)
    {
        var writer = new ProtobufWriter();
        WriteTo(writer);
        destination.Write(writer.WrittenSpan);
    }

    /// <summary><c>OperatorSetIdProto</c> of the default domain (an empty domain string, which protobuf leaves out).</summary>
    private sealed class OperatorSetId(long version) : IProtobufMessage
    {
        private const int VersionField = 2;

        public void WriteTo(ProtobufWriter writer) => writer.WriteInt64(VersionField, version);
    }
}
