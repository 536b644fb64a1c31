namespace BlazeFace.Models.Tflite;

/// <summary>
/// A validated FlatBuffers table: its position, and a vtable that is known to lie inside the buffer.
/// Fields are addressed by their index in the schema (0 for the first declared field).
/// </summary>
/// <remarks>
/// A field absent from the vtable (a short vtable, or a zero slot) reads as the schema default, which is how
/// writers omit fields equal to their default. A present field must lie inside the table's declared inline size.
/// </remarks>
internal readonly struct FlatBufferTable
{
    private readonly FlatBufferReader _reader;
    private readonly int _vtable;
    private readonly int _vtableSize;
    private readonly int _inlineSize;

    internal FlatBufferTable(FlatBufferReader reader, int position, int vtable, int vtableSize, int inlineSize)
    {
        _reader = reader;
        Position = position;
        _vtable = vtable;
        _vtableSize = vtableSize;
        _inlineSize = inlineSize;
    }

    /// <summary>Byte offset of the table in the buffer.</summary>
    public int Position { get; }

    /// <summary>Whether the field is stored (as opposed to left at its default).</summary>
    public bool Has(int field) => FieldOffset(field, 1) != 0;

    public byte GetByte(int field, byte defaultValue = 0)
    {
        int offset = FieldOffset(field, 1);
        return offset == 0 ? defaultValue : _reader.ReadByte(Position + offset, "field");
    }

    public sbyte GetSByte(int field, sbyte defaultValue = 0) => unchecked((sbyte)GetByte(field, unchecked((byte)defaultValue)));

    public bool GetBool(int field, bool defaultValue = false) => GetByte(field, defaultValue ? (byte)1 : (byte)0) != 0;

    public int GetInt32(int field, int defaultValue = 0)
    {
        int offset = FieldOffset(field, 4);
        return offset == 0 ? defaultValue : _reader.ReadInt32(Position + offset, "field");
    }

    public uint GetUInt32(int field, uint defaultValue = 0)
    {
        int offset = FieldOffset(field, 4);
        return offset == 0 ? defaultValue : _reader.ReadUInt32(Position + offset, "field");
    }

    public ulong GetUInt64(int field, ulong defaultValue = 0)
    {
        int offset = FieldOffset(field, 8);
        return offset == 0 ? defaultValue : _reader.ReadUInt64(Position + offset, "field");
    }

    /// <summary>The sub-table the field refers to, or null when the field is absent.</summary>
    public FlatBufferTable? GetTable(int field)
    {
        int offset = FieldOffset(field, 4);
        return offset == 0 ? null : _reader.ReadTable(Follow(field, offset));
    }

    /// <summary>The vector the field refers to, or null when the field is absent.</summary>
    public FlatBufferVector? GetVector(int field, int elementSize)
    {
        int offset = FieldOffset(field, 4);
        return offset == 0
            ? null
            : _reader.ReadVector(Follow(field, offset), elementSize);
    }

    /// <summary>The string the field refers to, or null when the field is absent.</summary>
    public string? GetString(int field)
    {
        int offset = FieldOffset(field, 4);
        return offset == 0 ? null : _reader.ReadString(Follow(field, offset));
    }

    private int Follow(int field, int offset) =>
        _reader.TryFollowOffset(Position + offset) ?? throw new InvalidDataException(
            $"{FieldName(field)} holds offset 0x{_reader.ReadUInt32(Position + offset, "field"):X}, "
            + $"which points outside the {_reader.Length}-byte file");

    // Built only when a message needs it: formatting on every read would dominate the parse time.
    private string FieldName(int field) => $"field {field} of the table at 0x{Position:X}";

    /// <returns>The field's offset from the table start, or 0 when the field is absent.</returns>
    private int FieldOffset(int field, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(field);
        int slot = 4 + (2 * field);
        if (slot + 2 > _vtableSize)
        {
            return 0;
        }

        int offset = _reader.ReadUInt16(_vtable + slot, "vtable slot");
        if (offset == 0)
        {
            return 0;
        }

        // Offsets below 4 would overlap the table's own vtable reference.
        if (offset < 4 || offset + size > _inlineSize)
        {
            throw new InvalidDataException(
                $"{FieldName(field)} is stored at +{offset} ({size} bytes), outside the table's {_inlineSize} inline bytes");
        }

        return offset;
    }
}
