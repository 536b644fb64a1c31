using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace BlazeFace.Export.Onnx;

/// <summary>
/// The protocol buffers wire format, as far as ONNX's messages need it: varint scalars, fixed 32-bit floats and
/// length-delimited strings, bytes, packed arrays and nested messages. Fields come out in the order they are written,
/// so the same calls always give the same bytes.
/// </summary>
/// <remarks>
/// A nested message is written into its own writer first, because its length prefix must precede it; the messages of
/// a BlazeFace graph are small (the largest, a weight tensor, is well under a megabyte), so the copy costs nothing
/// that matters.
/// </remarks>
internal sealed class ProtobufWriter
{
    private const int VarintWireType = 0;
    private const int LengthDelimitedWireType = 2;
    private const int Fixed32WireType = 5;

    private readonly ArrayBufferWriter<byte> _buffer = new();

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    /// <summary>An int64, int32 or enum field (negative values take ten bytes, as protobuf encodes them).</summary>
    public void WriteInt64(int field, long value)
    {
        WriteTag(field, VarintWireType);
        WriteVarint((ulong)value);
    }

    /// <summary>A float field.</summary>
    public void WriteFloat(int field, float value)
    {
        WriteTag(field, Fixed32WireType);
        BinaryPrimitives.WriteSingleLittleEndian(_buffer.GetSpan(sizeof(float)), value);
        _buffer.Advance(sizeof(float));
    }

    /// <summary>A string field, UTF-8 encoded.</summary>
    public void WriteString(int field, string value) => WriteBytes(field, Encoding.UTF8.GetBytes(value));

    /// <summary>A bytes field.</summary>
    public void WriteBytes(int field, ReadOnlySpan<byte> value)
    {
        WriteTag(field, LengthDelimitedWireType);
        WriteVarint((ulong)value.Length);
        value.CopyTo(_buffer.GetSpan(value.Length));
        _buffer.Advance(value.Length);
    }

    /// <summary>A repeated int64 field, one tagged varint per element (the form proto2 writes when not marked packed).</summary>
    public void WriteRepeatedInt64(int field, ReadOnlySpan<long> values)
    {
        foreach (long value in values)
        {
            WriteInt64(field, value);
        }
    }

    /// <summary>A nested message field.</summary>
    public void WriteMessage(int field, IProtobufMessage message)
    {
        var nested = new ProtobufWriter();
        message.WriteTo(nested);
        WriteBytes(field, nested.WrittenSpan);
    }

    /// <summary>A repeated message field, one nested message per element.</summary>
    public void WriteMessages(int field, IEnumerable<IProtobufMessage> messages)
    {
        foreach (IProtobufMessage message in messages)
        {
            WriteMessage(field, message);
        }
    }

    private void WriteTag(int field, int wireType) => WriteVarint((ulong)(((uint)field << 3) | (uint)wireType));

    private void WriteVarint(ulong value)
    {
        Span<byte> span = _buffer.GetSpan(10);
        int length = 0;
        while (value >= 0x80)
        {
            span[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[length++] = (byte)value;
        _buffer.Advance(length);
    }
}
