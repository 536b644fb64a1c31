using System.Buffers.Binary;
using SkiaSharp;

namespace BlazeFace.SkiaSharp;

/// <summary>
/// Whether an encoded file reaches the end its format marks, by walking its structure (segments, chunks, blocks)
/// without decoding: a file cut anywhere stops before that end.
/// </summary>
/// <remarks>
/// <para>
/// The decoders do not always say so. Skia decodes a progressive JPEG cut to anywhere from 10% to 99% of its bytes
/// without an error (libjpeg fills the missing scans and carries on; a face box moved by 8 pixels), a PNG missing its
/// last 22 bytes (the end of the compressed data's checksum and the IEND chunk), a WebP missing its last byte or two,
/// and the first frame of a GIF cut after that frame; baseline JPEG, BMP and a cut inside the picture's data come
/// back as incomplete.
/// </para>
/// <para>
/// The ends: JPEG, the end-of-image marker, found by walking the segments and skipping entropy-coded data (where
/// 0xFF is always followed by 0x00 or a restart marker, so an embedded thumbnail's marker in an APP1 segment is
/// skipped with its segment); PNG, a whole IEND chunk after a chain of whole chunks; WebP, the length its RIFF header
/// announces (libwebp calls a shorter file a truncated bitstream); GIF, the trailer byte after a chain of whole
/// blocks.
/// </para>
/// </remarks>
internal static class EncodedFileEnd
{
    /// <summary>Null when the file reaches its end (or its format has no end to check), else what is missing, as a sentence.</summary>
    public static string? Missing(SKEncodedImageFormat format, ReadOnlySpan<byte> file) => format switch
    {
        SKEncodedImageFormat.Jpeg when !JpegReachesEnd(file) => "The JPEG image is truncated: its data ends before the end-of-image marker.",
        SKEncodedImageFormat.Png when !PngReachesEnd(file) => "The PNG image is truncated: its data ends before the IEND chunk.",
        SKEncodedImageFormat.Webp when WebpShortfall(file) is { } announced => $"The WebP image is truncated: its header announces {announced} bytes, the file has {file.Length}.",
        SKEncodedImageFormat.Gif when !GifReachesEnd(file) => "The GIF image is truncated: its data ends before the trailer.",
        _ => null,
    };

    private static bool JpegReachesEnd(ReadOnlySpan<byte> file)
    {
        int offset = 2; // after the start-of-image marker
        while (true)
        {
            // Anything between segments is skipped up to the next marker, as libjpeg does; fill bytes (0xFF) too.
            offset = file[offset..].IndexOf((byte)0xFF) is int found and >= 0 ? offset + found : file.Length;
            while (offset + 1 < file.Length && file[offset + 1] == 0xFF)
            {
                offset++;
            }

            if (offset + 1 >= file.Length)
            {
                return false;
            }

            byte marker = file[offset + 1];
            if (marker == 0xD9)
            {
                return true;
            }

            if (marker is >= 0xD0 and <= 0xD8 or 0x01 or 0x00)
            {
                offset += 2; // markers without a segment (RSTn, SOI, TEM), or a stuffed byte
                continue;
            }

            if (offset + 4 > file.Length)
            {
                return false;
            }

            int end = offset + 2 + BinaryPrimitives.ReadUInt16BigEndian(file[(offset + 2)..]);
            if (end > file.Length)
            {
                return false;
            }

            offset = marker == 0xDA ? SkipEntropyCodedData(file, end) : end;
        }
    }

    /// <summary>The offset of the first marker after a scan's data: 0xFF followed by neither 0x00 nor a restart marker.</summary>
    private static int SkipEntropyCodedData(ReadOnlySpan<byte> file, int offset)
    {
        while (true)
        {
            int found = file[offset..].IndexOf((byte)0xFF);
            if (found < 0 || offset + found + 1 >= file.Length)
            {
                return file.Length;
            }

            offset += found;
            byte next = file[offset + 1];
            if (next is not (0x00 or (>= 0xD0 and <= 0xD7)))
            {
                return offset;
            }

            offset += 2;
        }
    }

    private static bool PngReachesEnd(ReadOnlySpan<byte> file)
    {
        long offset = 8; // the signature
        while (offset + 8 <= file.Length)
        {
            long length = BinaryPrimitives.ReadUInt32BigEndian(file[(int)offset..]);
            bool last = file.Slice((int)offset + 4, 4).SequenceEqual("IEND"u8);
            offset += 12 + length; // length, type, data, CRC
            if (offset > file.Length)
            {
                return false;
            }

            if (last)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The byte count the RIFF header announces when the file is shorter, else null.</summary>
    private static long? WebpShortfall(ReadOnlySpan<byte> file)
    {
        if (file.Length < 8)
        {
            return 8;
        }

        long announced = 8L + BinaryPrimitives.ReadUInt32LittleEndian(file[4..]);
        return file.Length < announced ? announced : null;
    }

    private static bool GifReachesEnd(ReadOnlySpan<byte> file)
    {
        const int headerAndScreen = 13; // "GIF89a", then width, height, flags, background, aspect
        if (file.Length < headerAndScreen)
        {
            return false;
        }

        long offset = headerAndScreen + ColourTableBytes(file[10]);
        while (offset < file.Length)
        {
            switch (file[(int)offset])
            {
                case 0x3B: // trailer
                    return true;
                case 0x21: // extension: introducer, label, sub-blocks
                    offset = SkipSubBlocks(file, offset + 2);
                    break;
                case 0x2C: // image: descriptor (10 bytes), local colour table, LZW code size, sub-blocks
                    if (offset + 10 > file.Length)
                    {
                        return false;
                    }

                    offset = SkipSubBlocks(file, offset + 10 + ColourTableBytes(file[(int)offset + 9]) + 1);
                    break;
                default:
                    // Not a block GIF defines: the decoders stop reading here, so the file ends here as far as they
                    // are concerned; nothing was cut from what they read.
                    return true;
            }
        }

        return false;
    }

    /// <summary>Bytes of the colour table a GIF screen or image descriptor's flags announce.</summary>
    private static long ColourTableBytes(byte flags) => (flags & 0x80) == 0 ? 0 : 3L << ((flags & 0x07) + 1);

    /// <summary>The offset after a chain of GIF sub-blocks ending with an empty one; past the end of the file when it is cut.</summary>
    private static long SkipSubBlocks(ReadOnlySpan<byte> file, long offset)
    {
        while (offset < file.Length)
        {
            byte size = file[(int)offset];
            offset += 1 + size;
            if (size == 0)
            {
                return offset;
            }
        }

        return long.MaxValue;
    }
}
