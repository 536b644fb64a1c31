using System.Buffers.Binary;

namespace BlazeFace.Tests.ImageFixtures;

/// <summary>
/// Rewrites what an encoded image's header announces (its size) the way a damaged file or a decompression bomb would,
/// keeping the PNG chunk CRC valid so the rewrite reaches the decoder. Shared by the SkiaSharp and CLI tests.
/// </summary>
internal static class ImageHeaders
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Which container the bytes are, by signature.</summary>
    public static string FormatOf(ReadOnlySpan<byte> file) =>
        file.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']) ? "png"
        : file.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8]) ? "jpeg"
        : file.Length >= 12 && file.StartsWith("RIFF"u8) && file[8..12].SequenceEqual("WEBP"u8) ? "webp"
        : "unknown";

    /// <summary>
    /// A copy announcing <paramref name="width"/> x <paramref name="height"/>: PNG IHDR (CRC fixed), every JPEG
    /// start-of-frame, or the WebP VP8X canvas, VP8L or VP8 frame size, whichever the file has. Null when the file
    /// has no header this can find.
    /// </summary>
    public static byte[]? WithSize(byte[] file, uint width, uint height) => FormatOf(file) switch
    {
        "png" => PngWithSize(file, width, height),
        "jpeg" => JpegWithSize(file, (ushort)Math.Min(width, ushort.MaxValue), (ushort)Math.Min(height, ushort.MaxValue)),
        "webp" => WebpWithSize(file, width, height),
        _ => null,
    };

    /// <summary>Recomputes every PNG chunk's CRC that the file's chunk lengths let us find (after other damage).</summary>
    public static void RepairPngCrcs(byte[] png)
    {
        int offset = 8;
        while (offset + 12 <= png.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset));
            if (length > png.Length - offset - 12)
            {
                return;
            }

            int data = offset + 4;
            BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(data + 4 + (int)length), Crc32(png.AsSpan(data, 4 + (int)length)));
            offset += 12 + (int)length;
        }
    }

    /// <summary>The CRC-32 PNG uses (ISO 3309, reflected, polynomial 0xEDB88320).</summary>
    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFF;
    }

    private static byte[]? PngWithSize(byte[] png, uint width, uint height)
    {
        // IHDR is the first chunk: signature (8), length (4), "IHDR" (4), then width and height, big-endian.
        if (png.Length < 33 || !png.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }

        byte[] copy = (byte[])png.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(29), Crc32(copy.AsSpan(12, 17)));
        return copy;
    }

    private static byte[]? JpegWithSize(byte[] jpeg, ushort width, ushort height)
    {
        byte[] copy = (byte[])jpeg.Clone();
        bool found = false;
        int offset = 2;
        while (offset + 4 <= copy.Length && copy[offset] == 0xFF)
        {
            byte marker = copy[offset + 1];
            int length = BinaryPrimitives.ReadUInt16BigEndian(copy.AsSpan(offset + 2));

            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC): length, precision, height, width.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC && offset + 9 <= copy.Length)
            {
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(offset + 5), height);
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(offset + 7), width);
                found = true;
            }

            if (marker == 0xDA)
            {
                break; // entropy-coded data follows; the frame header came before it
            }

            offset += 2 + length;
        }

        return found ? copy : null;
    }

    private static byte[]? WebpWithSize(byte[] webp, uint width, uint height)
    {
        byte[] copy = (byte[])webp.Clone();
        bool found = false;
        int offset = 12;
        while (offset + 8 <= copy.Length)
        {
            ReadOnlySpan<byte> kind = copy.AsSpan(offset, 4);
            int size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(offset + 4)), int.MaxValue);
            int data = offset + 8;
            if (kind.SequenceEqual("VP8X"u8) && data + 10 <= copy.Length)
            {
                // Canvas width - 1 and height - 1, 24 bits each, little-endian.
                WriteUInt24(copy.AsSpan(data + 4), Math.Max(width, 1) - 1);
                WriteUInt24(copy.AsSpan(data + 7), Math.Max(height, 1) - 1);
                found = true;
            }
            else if (kind.SequenceEqual("VP8L"u8) && data + 5 <= copy.Length)
            {
                // After the 0x2F signature: 14 bits width - 1, 14 bits height - 1, then alpha and version bits.
                uint bits = BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(data + 1));
                bits = (bits & 0xF0000000) | ((Math.Max(height, 1) - 1) & 0x3FFF) << 14 | ((Math.Max(width, 1) - 1) & 0x3FFF);
                BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(data + 1), bits);
                found = true;
            }
            else if (kind.SequenceEqual("VP8 "u8) && data + 10 <= copy.Length)
            {
                // Key frame: 3-byte tag, 3-byte start code, then 14-bit width and height (2 scale bits each).
                BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(data + 6), (ushort)(width & 0x3FFF));
                BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(data + 8), (ushort)(height & 0x3FFF));
                found = true;
            }

            long next = (long)data + size + (size & 1);
            if (next > copy.Length)
            {
                break;
            }

            offset = (int)next;
        }

        return found ? copy : null;
    }

    private static void WriteUInt24(Span<byte> destination, uint value)
    {
        destination[0] = (byte)value;
        destination[1] = (byte)(value >> 8);
        destination[2] = (byte)(value >> 16);
    }

    private static uint[] BuildCrcTable()
    {
        uint[] table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
