namespace BlazeFace.Models.Tflite;

/// <summary>
/// Caps how many bytes of vectors and strings a parse may copy out of the file.
/// </summary>
/// <remarks>
/// Bounds checks alone do not bound memory: FlatBuffers lets many tables point at one vector, so a small hostile
/// file could list 50,000 tensors sharing one 50,000-entry shape and ask for gigabytes. A real model copies out
/// less than its own size (names, shapes, index lists), so a multiple of the file size is never reached by one.
/// </remarks>
internal sealed class DecodeBudget
{
    private const int FileSizeMultiple = 4;
    private readonly long _limit;
    private long _used;

    public DecodeBudget(int fileLength) => _limit = (long)fileLength * FileSizeMultiple;

    /// <summary>The int32 vector the field refers to, or null when the field is absent.</summary>
    public int[]? Int32Vector(FlatBufferTable table, int field)
    {
        FlatBufferVector? vector = table.GetVector(field, 4);
        if (vector is not { } present)
        {
            return null;
        }

        Charge(present.ByteLength);
        return present.ToInt32Array();
    }

    /// <summary>The string the field refers to, or null when the field is absent.</summary>
    /// <summary>A vector of 1-, 2- or 4-byte unsigned integers (TFLite's Uint8Vector, Uint16Vector, Int32Vector) as int32s.</summary>
    public int[]? UnsignedVector(FlatBufferTable table, int field, int elementSize)
    {
        FlatBufferVector? vector = table.GetVector(field, elementSize);
        if (vector is not { } present)
        {
            return null;
        }

        // Charged at four bytes an element: what the decoded array takes.
        Charge(4L * present.Count);
        return present.ToUnsignedInt32Array();
    }

    public string? String(FlatBufferTable table, int field)
    {
        FlatBufferVector? vector = table.GetVector(field, 1);
        if (vector is not { } present)
        {
            return null;
        }

        Charge(present.ByteLength);
        return present.DecodeUtf8();
    }

    private void Charge(long bytes)
    {
        _used += bytes;
        if (_used > _limit)
        {
            throw new InvalidDataException(
                $"the file's vectors and strings add up to more than {_limit} bytes, {FileSizeMultiple} times the file size; "
                + "they must be shared between many tables, which no real model does");
        }
    }
}
