using System.Buffers.Binary;

namespace BlazeFace.Export.Onnx;

/// <summary>ONNX <c>TensorProto</c>: a named constant (a weight, or a shape an operator takes as input), stored as little-endian raw data.</summary>
internal sealed class OnnxTensor : IProtobufMessage
{
    private const int DimsField = 1;
    private const int DataTypeField = 2;
    private const int NameField = 8;
    private const int RawDataField = 9;

    private readonly long[] _dims;
    private readonly byte[] _rawData;

    private OnnxTensor(string name, OnnxDataType dataType, long[] dims, byte[] rawData)
    {
        Name = name;
        DataType = dataType;
        _dims = dims;
        _rawData = rawData;
    }

    public string Name { get; }

    public OnnxDataType DataType { get; }

    public IReadOnlyList<long> Dims => _dims;

    /// <summary>A float32 tensor of shape <paramref name="dims"/> holding <paramref name="values"/> in row-major order.</summary>
    public static OnnxTensor Float(string name, long[] dims, ReadOnlySpan<float> values)
    {
        CheckLength(name, dims, values.Length);
        byte[] raw = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * sizeof(float)), values[i]);
        }

        return new OnnxTensor(name, OnnxDataType.Float, dims, raw);
    }

    /// <summary>A 1-D int64 tensor holding <paramref name="values"/>.</summary>
    public static OnnxTensor Int64(string name, ReadOnlySpan<long> values)
    {
        byte[] raw = new byte[values.Length * sizeof(long)];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(i * sizeof(long)), values[i]);
        }

        return new OnnxTensor(name, OnnxDataType.Int64, [values.Length], raw);
    }

    public void WriteTo(ProtobufWriter writer)
    {
        writer.WriteRepeatedInt64(DimsField, _dims);
        writer.WriteInt64(DataTypeField, (long)DataType);
        writer.WriteString(NameField, Name);
        writer.WriteBytes(RawDataField, _rawData);
    }

    private static void CheckLength(string name, long[] dims, int length)
    {
        long expected = dims.Aggregate(1L, (product, dim) => product * dim);
        if (expected != length)
        {
            throw new ArgumentException($"Tensor '{name}' of shape [{string.Join(", ", dims)}] needs {expected} values, got {length}.", nameof(dims));
        }
    }
}
