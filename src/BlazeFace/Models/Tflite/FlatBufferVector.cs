using System.Buffers.Binary;
using System.Text;

namespace BlazeFace.Models.Tflite;

/// <summary>
/// A FlatBuffers vector whose elements are known to lie inside the buffer: a vector of scalars, a vector of
/// offsets to tables or strings, or (with 1-byte elements) the bytes of a string.
/// </summary>
internal readonly struct FlatBufferVector
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly FlatBufferReader _reader;
    private readonly int _first;
    private readonly int _elementSize;

    internal FlatBufferVector(FlatBufferReader reader, int first, int count, int elementSize)
    {
        _reader = reader;
        _first = first;
        Count = count;
        _elementSize = elementSize;
    }

    /// <summary>Number of elements.</summary>
    public int Count { get; }

    /// <summary>Size of the elements in bytes.</summary>
    public long ByteLength => (long)Count * _elementSize;

    /// <summary>The raw element bytes, without copying.</summary>
    public ReadOnlyMemory<byte> Bytes => _reader.Slice(_first, ByteLength);

    public int GetInt32(int index) => _reader.ReadInt32(ElementPosition(index, 4), "vector element");

    /// <summary>The table that element <paramref name="index"/> (an offset) refers to.</summary>
    public FlatBufferTable GetTable(int index)
    {
        long position = ElementPosition(index, 4);
        int target = _reader.TryFollowOffset(position) ?? throw new InvalidDataException(
            $"element {index} of the vector at 0x{_first - 4:X} holds offset 0x{_reader.ReadUInt32(position, "element"):X}, "
            + $"which points outside the {_reader.Length}-byte file");
        return _reader.ReadTable(target);
    }

    /// <summary>All elements read as 32-bit integers.</summary>
    public int[] ToInt32Array()
    {
        if (_elementSize != 4)
        {
            throw new InvalidOperationException($"a vector of {_elementSize}-byte elements is not a vector of int32");
        }

        // The constructor's caller checked that Count elements fit in the buffer, so this allocation is bounded by it.
        var values = new int[Count];
        ReadOnlySpan<byte> bytes = Bytes.Span;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(4 * i)..]);
        }

        return values;
    }

    /// <summary>The bytes of a string vector decoded as UTF-8.</summary>
    /// <summary>The elements as int32s, read as unsigned integers of the vector's element size (1, 2 or 4 bytes).</summary>
    public int[] ToUnsignedInt32Array()
    {
        var values = new int[Count];
        ReadOnlySpan<byte> bytes = Bytes.Span;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = _elementSize switch
            {
                1 => bytes[i],
                2 => BinaryPrimitives.ReadUInt16LittleEndian(bytes[(2 * i)..]),
                _ => BinaryPrimitives.ReadInt32LittleEndian(bytes[(4 * i)..]),
            };
        }

        return values;
    }

    public string DecodeUtf8()
    {
        try
        {
            return StrictUtf8.GetString(Bytes.Span);
        }
        catch (DecoderFallbackException exception)
        {
            throw new InvalidDataException($"string at offset 0x{_first - 4:X} is not valid UTF-8", exception);
        }
    }

    private long ElementPosition(int index, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        if (size != _elementSize)
        {
            throw new InvalidOperationException($"a vector of {_elementSize}-byte elements read as {size}-byte elements");
        }

        return _first + ((long)index * _elementSize);
    }
}
