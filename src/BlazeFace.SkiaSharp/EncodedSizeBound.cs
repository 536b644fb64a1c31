using System.Buffers.Binary;
using SkiaSharp;

namespace BlazeFace.SkiaSharp;

/// <summary>
/// The fewest bytes a valid file can hold for the image size its header announces, for the formats whose coding sets
/// a floor. A smaller file is damaged (a size field rewritten, the data cut off): refusing it up front saves decoding
/// megapixels of filler, which is what the decoders do with damaged data before they give up or finish.
/// </summary>
/// <remarks>
/// <para>
/// Huffman-coded JPEG (SOF0 to SOF3: baseline, extended, progressive, lossless): every 8x8 block of a component
/// present in the file starts with a DC code of at least one bit, so the file holds at least one bit per block of
/// its least sampled component. Arithmetic-coded JPEG has no such floor (a flat 4000x4000 image fits in 208 bytes).
/// </para>
/// <para>
/// PNG: the filtered rows hold height x (1 + width x bits per pixel / 8) bytes, and deflate compresses at most
/// 1032 to 1 (a 258-byte match coded in two bits).
/// </para>
/// <para>WebP, GIF and BMP have no floor applied here; their decoders stop at the end of the data.</para>
/// </remarks>
internal static class EncodedSizeBound
{
    private const long DeflateMaxRatio = 1032;

    /// <summary>The least plausible file size for the image its header describes, or 0 when no floor is known.</summary>
    public static long MinimumBytes(SKEncodedImageFormat format, ReadOnlySpan<byte> file) => format switch
    {
        SKEncodedImageFormat.Jpeg => HuffmanJpegMinimum(file),
        SKEncodedImageFormat.Png => PngMinimum(file),
        _ => 0,
    };

    /// <summary>
    /// Walks the markers as libjpeg does (a length below 2 skips just the length bytes; anything between segments is
    /// skipped up to the next marker) to the first start-of-frame before the scan data.
    /// </summary>
    private static long HuffmanJpegMinimum(ReadOnlySpan<byte> file)
    {
        int offset = 2;
        while (true)
        {
            while (offset + 1 < file.Length && !(file[offset] == 0xFF && file[offset + 1] is not 0x00 and not 0xFF))
            {
                offset++;
            }

            if (offset + 4 > file.Length)
            {
                return 0;
            }

            byte marker = file[offset + 1];
            if (marker is >= 0xD0 and <= 0xD8 or 0x01)
            {
                offset += 2; // markers without a segment: RSTn, SOI, TEM
                continue;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(file[(offset + 2)..]);
            if (marker is >= 0xC0 and <= 0xC3)
            {
                return HuffmanFrameMinimum(file.Slice(offset + 4, Math.Max(0, Math.Min(length - 2, file.Length - offset - 4))));
            }

            if (marker is >= 0xC5 and <= 0xCF and not 0xC8 and not 0xCC or 0xDA or 0xD9)
            {
                return 0; // an arithmetic or hierarchical frame, or scan data or the end before any frame
            }

            offset += 2 + Math.Max(2, length);
        }
    }

    /// <summary>One bit per 8x8 block of the least sampled component, from a start-of-frame segment's body.</summary>
    private static long HuffmanFrameMinimum(ReadOnlySpan<byte> frame)
    {
        // Precision (1), height (2), width (2), component count (1), then per component: id, sampling (4+4 bits), table.
        if (frame.Length < 6)
        {
            return 0;
        }

        long height = BinaryPrimitives.ReadUInt16BigEndian(frame[1..]);
        long width = BinaryPrimitives.ReadUInt16BigEndian(frame[3..]);
        int components = Math.Min(frame[5], (frame.Length - 6) / 3);
        if (components == 0)
        {
            return 0;
        }

        int maxH = 1;
        int maxV = 1;
        for (int c = 0; c < components; c++)
        {
            maxH = Math.Max(maxH, frame[7 + (3 * c)] >> 4);
            maxV = Math.Max(maxV, frame[7 + (3 * c)] & 0xF);
        }

        long fewestBlocks = long.MaxValue;
        for (int c = 0; c < components; c++)
        {
            int h = Math.Max(1, frame[7 + (3 * c)] >> 4);
            int v = Math.Max(1, frame[7 + (3 * c)] & 0xF);
            long columns = CeilingDivide(CeilingDivide(width * h, maxH), 8);
            long rows = CeilingDivide(CeilingDivide(height * v, maxV), 8);
            fewestBlocks = Math.Min(fewestBlocks, columns * rows);
        }

        return fewestBlocks / 8;
    }

    private static long PngMinimum(ReadOnlySpan<byte> file)
    {
        // Signature (8), IHDR length and type (8), then width, height, bit depth, colour type.
        if (file.Length < 26 || !file[12..16].SequenceEqual("IHDR"u8))
        {
            return 0;
        }

        long width = BinaryPrimitives.ReadUInt32BigEndian(file[16..]);
        long height = BinaryPrimitives.ReadUInt32BigEndian(file[20..]);
        int samples = file[25] switch
        {
            0 or 3 => 1, // grey, palette index
            2 => 3,      // RGB
            4 => 2,      // grey and alpha
            6 => 4,      // RGBA
            _ => 0,
        };
        long bitsPerPixel = (long)samples * file[24];
        long filteredBytes = height * (1 + CeilingDivide(width * bitsPerPixel, 8));
        return filteredBytes / DeflateMaxRatio;
    }

    private static long CeilingDivide(long value, long divisor) => (value + divisor - 1) / divisor;
}
