using System.Buffers.Binary;

namespace BlazeFace.Tests.Models;

/// <summary>
/// A FlatBuffers table described field by field, for tests that need files the converters never write
/// (bad indices, missing options, shared vectors). <see cref="FlatBufferTestWriter"/> lays it out.
/// </summary>
/// <remarks>
/// A field holds either inline scalar bytes or a child: another <see cref="FlatTableSpec"/>, a string, an
/// <c>int[]</c> or <c>byte[]</c> vector, or a <c>FlatTableSpec[]</c> vector of tables.
/// </remarks>
internal sealed class FlatTableSpec
{
    public SortedDictionary<int, object> Fields { get; } = [];

    public FlatTableSpec Byte(int field, byte value) => Set(field, new InlineScalar([value]));

    public FlatTableSpec Int32(int field, int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return Set(field, new InlineScalar(bytes));
    }

    public FlatTableSpec UInt64(int field, ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return Set(field, new InlineScalar(bytes));
    }

    public FlatTableSpec Child(int field, object child) => Set(field, child);

    public FlatTableSpec Without(int field)
    {
        Fields.Remove(field);
        return this;
    }

    private FlatTableSpec Set(int field, object value)
    {
        Fields[field] = value;
        return this;
    }

    /// <summary>Little-endian bytes stored inside the table itself.</summary>
    internal sealed record InlineScalar(byte[] Bytes);
}
