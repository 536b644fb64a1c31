namespace BlazeFace.Export.Onnx;

/// <summary>
/// ONNX <c>ValueInfoProto</c> of a tensor with a fixed shape: a graph input or output. It nests the
/// <c>TypeProto</c> (tensor element type and shape) and the <c>TensorShapeProto</c> of one <c>dim_value</c> per axis.
/// </summary>
internal sealed class OnnxValueInfo : IProtobufMessage
{
    private const int NameField = 1;
    private const int TypeField = 2;

    private readonly long[] _shape;

    public OnnxValueInfo(string name, OnnxDataType elementType, params long[] shape)
    {
        Name = name;
        ElementType = elementType;
        _shape = shape;
    }

    public string Name { get; }

    public OnnxDataType ElementType { get; }

    public IReadOnlyList<long> Shape => _shape;

    public void WriteTo(ProtobufWriter writer)
    {
        writer.WriteString(NameField, Name);
        writer.WriteMessage(TypeField, new TensorType(ElementType, _shape));
    }

    /// <summary><c>TypeProto</c> with its <c>tensor_type</c> case set.</summary>
    private sealed class TensorType(OnnxDataType elementType, long[] shape) : IProtobufMessage
    {
        private const int TensorTypeField = 1;

        public void WriteTo(ProtobufWriter writer) => writer.WriteMessage(TensorTypeField, new Tensor(elementType, shape));
    }

    /// <summary><c>TypeProto.Tensor</c>: element type and shape.</summary>
    private sealed class Tensor(OnnxDataType elementType, long[] shape) : IProtobufMessage
    {
        private const int ElementTypeField = 1;
        private const int ShapeField = 2;

        public void WriteTo(ProtobufWriter writer)
        {
            writer.WriteInt64(ElementTypeField, (long)elementType);
            writer.WriteMessage(ShapeField, new TensorShapeProto(shape));
        }
    }

    /// <summary><c>TensorShapeProto</c>: one <c>Dimension</c> with a <c>dim_value</c> per axis.</summary>
    private sealed class TensorShapeProto(long[] dims) : IProtobufMessage
    {
        private const int DimField = 1;

        public void WriteTo(ProtobufWriter writer)
        {
            foreach (long dim in dims)
            {
                writer.WriteMessage(DimField, new Dimension(dim));
            }
        }
    }

    private sealed class Dimension(long value) : IProtobufMessage
    {
        private const int DimValueField = 1;

        public void WriteTo(ProtobufWriter writer) => writer.WriteInt64(DimValueField, value);
    }
}
