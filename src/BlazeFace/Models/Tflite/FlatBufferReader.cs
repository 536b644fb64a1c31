using System.Buffers.Binary;

namespace BlazeFace.Models.Tflite;

/// <summary>
/// Bounds-checked access to a FlatBuffers byte buffer. Every position it follows is checked against the buffer
/// length before it is read, so a damaged or hostile file ends in an <see cref="InvalidDataException"/> that says
/// what was wrong and where, never in an index, overflow or out-of-memory exception.
/// </summary>
/// <remarks>
/// Positions are computed as <see cref="long"/> so that adding an untrusted 32-bit offset can never wrap around.
/// Reads are unaligned little-endian: the format promises alignment, but nothing here depends on it.
/// </remarks>
internal readonly struct FlatBufferReader
{
    private readonly ReadOnlyMemory<byte> _data;

    public FlatBufferReader(ReadOnlyMemory<byte> data) => _data = data;

    /// <summary>Length of the whole buffer in bytes.</summary>
    public int Length => _data.Length;

    /// <summary>The table the buffer's leading offset points at.</summary>
    public FlatBufferTable ReadRootTable()
    {
        long root = ReadUInt32(0, "root table offset");
        if (root < 4 || root > Length - 4L)
        {
            throw new InvalidDataException(
                $"root table offset 0x{root:X} points outside the {Length}-byte file");
        }

        return ReadTable(root);
    }

    /// <summary>Validates the table starting at <paramref name="position"/> and its vtable.</summary>
    public FlatBufferTable ReadTable(long position)
    {
        RequireRange(position, 4, "table");
        int table = (int)position;

        // A table's first word is a signed distance back to its vtable; a hostile value can point anywhere.
        long vtable = table - (long)ReadInt32(table, "vtable offset");
        if (vtable < 0 || vtable > Length - 4L)
        {
            throw new InvalidDataException(
                $"table at offset 0x{table:X} has its vtable at {(vtable < 0 ? "-" : "")}0x{Math.Abs(vtable):X}, outside the {Length}-byte file");
        }

        int vtableSize = ReadUInt16(vtable, "vtable size");
        int inlineSize = ReadUInt16(vtable + 2, "table size");
        if (vtableSize < 4 || vtableSize % 2 != 0)
        {
            throw new InvalidDataException(
                $"vtable at offset 0x{vtable:X} declares an invalid size of {vtableSize} bytes");
        }

        if (vtable + vtableSize > Length)
        {
            throw new InvalidDataException(
                $"vtable at offset 0x{vtable:X} of {vtableSize} bytes runs past the end of the {Length}-byte file");
        }

        if (inlineSize < 4 || table + (long)inlineSize > Length)
        {
            throw new InvalidDataException(
                $"table at offset 0x{table:X} declares {inlineSize} inline bytes, which do not fit in the {Length}-byte file");
        }

        return new FlatBufferTable(this, table, (int)vtable, vtableSize, inlineSize);
    }

    /// <summary>
    /// Follows the unsigned offset stored at <paramref name="position"/> (offsets are relative to their own
    /// position); null when it points outside the buffer, so that the caller can name the field in its message.
    /// </summary>
    public int? TryFollowOffset(long position)
    {
        uint offset = ReadUInt32(position, "offset");
        long target = position + offset;

        // Zero would make an object overlap its own reference; every object is at least 4 bytes long.
        return offset == 0 || target > Length - 4L ? null : (int)target;
    }

    /// <summary>Validates the length-prefixed vector at <paramref name="position"/>.</summary>
    /// <param name="position">Position of the vector's 32-bit element count.</param>
    /// <param name="elementSize">Size of one element in bytes.</param>
    public FlatBufferVector ReadVector(long position, int elementSize)
    {
        uint count = ReadUInt32(position, "vector length");
        long first = position + 4;

        // count * elementSize fits easily in a long, so the comparison itself cannot overflow.
        if (count * (long)elementSize > Length - first)
        {
            throw new InvalidDataException(
                $"vector at offset 0x{position:X} of {count} elements runs past the end of the {Length}-byte file");
        }

        return new FlatBufferVector(this, (int)first, (int)count, elementSize);
    }

    /// <summary>Decodes the UTF-8 string at <paramref name="position"/> (its length prefix).</summary>
    public string ReadString(long position) => ReadVector(position, 1).DecodeUtf8();

    /// <summary>The bytes in [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>).</summary>
    public ReadOnlyMemory<byte> Slice(long start, long length)
    {
        RequireRange(start, length, "byte range");
        return _data.Slice((int)start, (int)length);
    }

    public byte ReadByte(long position, string what)
    {
        RequireRange(position, 1, what);
        return _data.Span[(int)position];
    }

    public ushort ReadUInt16(long position, string what)
    {
        RequireRange(position, 2, what);
        return BinaryPrimitives.ReadUInt16LittleEndian(_data.Span[(int)position..]);
    }

    public int ReadInt32(long position, string what)
    {
        RequireRange(position, 4, what);
        return BinaryPrimitives.ReadInt32LittleEndian(_data.Span[(int)position..]);
    }

    public uint ReadUInt32(long position, string what)
    {
        RequireRange(position, 4, what);
        return BinaryPrimitives.ReadUInt32LittleEndian(_data.Span[(int)position..]);
    }

    public ulong ReadUInt64(long position, string what)
    {
        RequireRange(position, 8, what);
        return BinaryPrimitives.ReadUInt64LittleEndian(_data.Span[(int)position..]);
    }

    private void RequireRange(long position, long size, string what)
    {
        if (position < 0 || size < 0 || size > Length - position)
        {
            throw new InvalidDataException(
                $"{what} at offset 0x{position:X} ({size} bytes) runs past the end of the {Length}-byte file");
        }
    }
}
