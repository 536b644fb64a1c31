using System.IO.Compression;

namespace BlazeFace.Cli.Imaging;

/// <summary>
/// Decodes PNG files of every standard colour type and bit depth, interlaced or not, to RGB.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Alpha (colour types 4 and 6) and tRNS transparency are discarded, not composited
/// onto a background: the output holds the stored colour of every pixel.</item>
/// <item>16-bit samples keep their most significant byte; 1/2/4-bit gray is scaled to 0..255.</item>
/// <item>Every chunk's CRC is checked. Ancillary chunks are skipped; unknown critical chunks
/// are rejected. IEND is required (a file without it is reported as truncated); bytes after
/// IEND are ignored.</item>
/// <item>Size is limited by <see cref="ImageSizeLimits"/> before anything is allocated, and a
/// decompression bomb is bounded twice: images whose IDAT data could not possibly inflate to
/// the declared size are rejected up front, and inflation stops at the expected byte count.</item>
/// </list>
/// Malformed input of any kind raises <see cref="InvalidDataException"/>.
/// </remarks>
internal static class PngDecoder
{
    // Deflate cannot expand data more than about 1032:1 (a 258-byte match per 2 bits);
    // the slack covers the zlib header and tiny images.
    private const long MaxInflationRatio = 1032;
    private const long InflationSlack = 1024;

    /// <summary>Decodes a complete PNG file.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid, supported PNG.</exception>
    public static RgbImage Decode(ReadOnlySpan<byte> file)
    {
        CheckSignature(file);
        var reader = new PngChunkReader(file, PngSignature.Length);
        PngHeader? header = null;
        byte[]? palette = null;
        var dataRanges = new List<Range>();
        bool dataEnded = false;

        while (true)
        {
            if (reader.AtEnd)
            {
                throw new InvalidDataException(
                    $"truncated PNG: file ends at offset 0x{reader.Position:X} before the IEND chunk");
            }

            PngChunk chunk = reader.ReadNext();
            if (header is null && chunk.Type != "IHDR")
            {
                throw new InvalidDataException($"PNG: IHDR missing (first chunk is {chunk.Type})");
            }

            if (dataRanges.Count > 0 && chunk.Type != "IDAT")
            {
                dataEnded = true;
            }

            switch (chunk.Type)
            {
                case "IHDR" when header is not null:
                    throw new InvalidDataException($"PNG: second IHDR chunk at offset 0x{chunk.Offset:X}");
                case "IHDR":
                    header = PngHeader.Parse(chunk.Data);
                    break;
                case "PLTE":
                    palette = ReadPalette(chunk, header!.Value, palette, dataRanges.Count > 0);
                    break;
                case "IDAT" when dataEnded:
                    throw new InvalidDataException($"PNG: IDAT chunk at offset 0x{chunk.Offset:X} is not consecutive with the earlier IDAT chunks");
                case "IDAT":
                    int dataStart = chunk.Offset + 8;
                    dataRanges.Add(dataStart..(dataStart + chunk.Data.Length));
                    break;
                case "IEND":
                    return DecodeImageData(header!.Value, palette, JoinRanges(file, dataRanges));
                default:
                    if (chunk.IsCritical)
                    {
                        throw new InvalidDataException($"PNG: unknown critical chunk {chunk.Type} at offset 0x{chunk.Offset:X}");
                    }

                    break; // Ancillary: gAMA, tRNS, text, private chunks... none affect RGB output here.
            }
        }
    }

    private static void CheckSignature(ReadOnlySpan<byte> file)
    {
        if (file.Length >= PngSignature.Length && file[..PngSignature.Length].SequenceEqual(PngSignature.Bytes))
        {
            return;
        }

        if (PngSignature.IsPrefixOf(file) || file.IsEmpty)
        {
            throw new InvalidDataException(
                $"truncated PNG: file ends inside the signature ({file.Length} of {PngSignature.Length} bytes)");
        }

        throw new InvalidDataException(
            $"PNG: bad signature (starts with {ImageDecoder.DescribeLeadingBytes(file)})");
    }

    private static byte[] ReadPalette(PngChunk chunk, PngHeader header, byte[]? existing, bool afterImageData)
    {
        if (existing is not null)
        {
            throw new InvalidDataException($"PNG: second PLTE chunk at offset 0x{chunk.Offset:X}");
        }

        if (afterImageData)
        {
            throw new InvalidDataException("PNG: PLTE chunk after IDAT");
        }

        if (header.ColorType is PngColorType.Grayscale or PngColorType.GrayscaleAlpha)
        {
            throw new InvalidDataException($"PNG: PLTE chunk not allowed for colour type {(int)header.ColorType}");
        }

        int length = chunk.Data.Length;
        if (length == 0 || length % 3 != 0 || length > 256 * 3)
        {
            throw new InvalidDataException($"PNG: PLTE length {length} is not 3 to 768 bytes in steps of 3");
        }

        return chunk.Data.ToArray();
    }

    private static byte[] JoinRanges(ReadOnlySpan<byte> file, List<Range> ranges)
    {
        int total = 0;
        foreach (Range range in ranges)
        {
            // Each range lies inside the file, so the sum never exceeds the file length.
            total += range.End.Value - range.Start.Value;
        }

        var joined = new byte[total];
        int position = 0;
        foreach (Range range in ranges)
        {
            ReadOnlySpan<byte> part = file[range];
            part.CopyTo(joined.AsSpan(position));
            position += part.Length;
        }

        return joined;
    }

    private static RgbImage DecodeImageData(PngHeader header, byte[]? palette, byte[] compressed)
    {
        if (header.ColorType == PngColorType.Indexed && palette is null)
        {
            throw new InvalidDataException("PNG: PLTE missing for an indexed-colour image");
        }

        if (compressed.Length == 0)
        {
            throw new InvalidDataException("PNG: no IDAT data");
        }

        IReadOnlyList<PngPass> passes = PngPass.For(header);
        long expectedBytes = 0;
        int totalRows = 0;
        int widestScanline = 0;
        foreach (PngPass pass in passes)
        {
            int scanline = header.ScanlineBytes(pass.Columns) + 1;
            expectedBytes += (long)pass.Rows * scanline;
            totalRows += pass.Rows;
            widestScanline = Math.Max(widestScanline, scanline);
        }

        if (expectedBytes > (compressed.Length * MaxInflationRatio) + InflationSlack)
        {
            throw new InvalidDataException(
                $"truncated PNG: {compressed.Length} bytes of IDAT data cannot hold the {expectedBytes} bytes a {header.Width}x{header.Height} image needs");
        }

        var image = new RgbImage(header.Width, header.Height);
        var converter = new PngScanlineConverter(header, palette ?? [], image);
        using var source = new MemoryStream(compressed, writable: false);
        using var inflater = new ZLibStream(source, CompressionMode.Decompress);
        var current = new byte[widestScanline];
        var previous = new byte[widestScanline];
        int rowsDone = 0;

        foreach (PngPass pass in passes)
        {
            int length = header.ScanlineBytes(pass.Columns) + 1;
            Array.Clear(previous, 0, length);
            for (int row = 0; row < pass.Rows; row++)
            {
                Span<byte> line = current.AsSpan(0, length);
                if (ReadFully(inflater, line) < length)
                {
                    string counting = header.Interlaced ? " (counting the rows of every Adam7 pass)" : string.Empty;
                    throw new InvalidDataException(
                        $"truncated PNG: IDAT data ends after {rowsDone} of {totalRows} rows{counting}");
                }

                if (line[0] > (byte)PngFilterType.Paeth)
                {
                    string where = header.Interlaced ? $" of Adam7 pass {pass.Number}" : string.Empty;
                    throw new InvalidDataException($"PNG: invalid filter type {line[0]} on row {row}{where}");
                }

                PngRowFilter.Reverse((PngFilterType)line[0], line[1..], previous.AsSpan(1, length - 1), header.FilterStride);
                converter.Convert(line[1..], pass, row);
                (current, previous) = (previous, current);
                rowsDone++;
            }
        }

        // Anything the zlib stream holds beyond the expected bytes is ignored, like libpng does.
        return image;
    }

    private static int ReadFully(ZLibStream inflater, Span<byte> buffer)
    {
        try
        {
            return inflater.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            // zlib reports some damage (e.g. a preset-dictionary flag) as ZLibException, an IOException.
            throw new InvalidDataException($"PNG: corrupt zlib data in IDAT ({exception.Message})", exception);
        }
    }
}
