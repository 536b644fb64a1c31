using System.Buffers.Binary;
using System.Text;

namespace BlazeFace.Cli.Imaging;

/// <summary>
/// Walks the chunks of a PNG file in order, checking each one's length, type letters and CRC
/// before handing it out.
/// </summary>
internal ref struct PngChunkReader
{
    // Length, type and CRC fields around the chunk data.
    private const int Overhead = 12;

    private readonly ReadOnlySpan<byte> _file;
    private int _position;

    /// <param name="file">The whole file.</param>
    /// <param name="start">Offset of the first chunk (just past the signature).</param>
    public PngChunkReader(ReadOnlySpan<byte> file, int start)
    {
        _file = file;
        _position = start;
    }

    /// <summary>Offset of the next chunk.</summary>
    public readonly int Position => _position;

    public readonly bool AtEnd => _position >= _file.Length;

    /// <summary>Reads the chunk at <see cref="Position"/> and moves past it.</summary>
    /// <exception cref="InvalidDataException">The chunk is cut short, malformed or fails its CRC.</exception>
    public PngChunk ReadNext()
    {
        int offset = _position;
        int remaining = _file.Length - offset;
        if (remaining < 8)
        {
            throw new InvalidDataException(
                $"truncated PNG: chunk header at offset 0x{offset:X} is incomplete ({remaining} of 8 bytes)");
        }

        uint length = BinaryPrimitives.ReadUInt32BigEndian(_file[offset..]);
        ReadOnlySpan<byte> typeBytes = _file.Slice(offset + 4, 4);
        if (!IsChunkType(typeBytes))
        {
            throw new InvalidDataException(
                $"PNG: invalid chunk type 0x{Convert.ToHexString(typeBytes)} at offset 0x{offset:X}");
        }

        string type = Encoding.ASCII.GetString(typeBytes);
        if (length > int.MaxValue)
        {
            throw new InvalidDataException(
                $"PNG: chunk {type} at offset 0x{offset:X} declares length {length}, above the 2^31-1 limit");
        }

        long size = Overhead + (long)length;
        if (size > remaining)
        {
            throw new InvalidDataException(
                $"truncated PNG: chunk {type} at offset 0x{offset:X} needs {size} bytes but only {remaining} remain");
        }

        // The CRC covers the type and data fields, which sit next to each other.
        int dataLength = (int)length;
        uint stored = BinaryPrimitives.ReadUInt32BigEndian(_file[(offset + 8 + dataLength)..]);
        if (Crc32.Compute(_file.Slice(offset + 4, 4 + dataLength)) != stored)
        {
            throw new InvalidDataException($"PNG: CRC mismatch in chunk {type} at offset 0x{offset:X}");
        }

        _position = offset + (int)size;
        return new PngChunk(type, _file.Slice(offset + 8, dataLength), offset);
    }

    private static bool IsChunkType(ReadOnlySpan<byte> type)
    {
        foreach (byte value in type)
        {
            if (!char.IsAsciiLetter((char)value))
            {
                return false;
            }
        }

        return true;
    }
}
