namespace BlazeFace.Export.Onnx;

/// <summary>A protocol buffers message that writes its own fields.</summary>
internal interface IProtobufMessage
{
    /// <summary>Writes the message's fields (without a length prefix: the parent adds it).</summary>
    void WriteTo(ProtobufWriter writer);
}
