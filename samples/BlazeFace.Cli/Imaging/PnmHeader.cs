namespace BlazeFace.Cli.Imaging;

/// <summary>
/// The header of a PPM or PGM file: magic number, size and maxval, plus where the raster starts.
/// </summary>
/// <param name="FormatName">"PPM" or "PGM", used in messages.</param>
/// <param name="Channels">3 for PPM, 1 for PGM.</param>
/// <param name="IsPlain">True for the ASCII variants (P2, P3).</param>
/// <param name="DataOffset">For binary files, the first raster byte; for plain files, where the sample text begins.</param>
internal readonly record struct PnmHeader(
    string FormatName, int Channels, bool IsPlain, int Width, int Height, int MaxValue, int DataOffset)
{
    /// <summary>Largest maxval the Netpbm formats allow.</summary>
    public const int MaxMaxValue = 65535;

    /// <summary>Bytes per sample in the binary variants: two (big-endian) when maxval exceeds 255.</summary>
    public int SampleBytes => MaxValue > 255 ? 2 : 1;

    /// <summary>Parses and validates the header of a P2, P3, P5 or P6 file.</summary>
    /// <exception cref="InvalidDataException">The header is malformed, unsupported or declares an oversized image.</exception>
    public static PnmHeader Parse(ReadOnlySpan<byte> file)
    {
        if (file.IsEmpty || (file.Length == 1 && file[0] == 'P'))
        {
            throw new InvalidDataException($"truncated PNM: file ends inside the magic number ({file.Length} of 2 bytes)");
        }

        if (file[0] != 'P')
        {
            throw new InvalidDataException(
                $"PNM: bad magic number (starts with {ImageDecoder.DescribeLeadingBytes(file)})");
        }

        (string format, int channels, bool plain) = (char)file[1] switch
        {
            '2' => ("PGM", 1, true),
            '3' => ("PPM", 3, true),
            '5' => ("PGM", 1, false),
            '6' => ("PPM", 3, false),
            '1' or '4' => throw new InvalidDataException($"PNM: P{(char)file[1]} (PBM bitmap) is not supported"),
            '7' => throw new InvalidDataException("PNM: P7 (PAM) is not supported"),
            _ => throw new InvalidDataException($"PNM: unknown magic number P{(char)file[1]}"),
        };

        var reader = new PnmTokenReader(file, 2);
        if (!reader.AtEnd && !PnmTokenReader.IsWhitespace(reader.Current) && reader.Current != '#')
        {
            throw new InvalidDataException($"{format}: expected whitespace after the magic number");
        }

        long width = ReadHeaderNumber(ref reader, format, "width");
        long height = ReadHeaderNumber(ref reader, format, "height");
        long maxValue = ReadHeaderNumber(ref reader, format, "maxval");
        ImageSizeLimits.Validate(format, width, height);
        if (maxValue is < 1 or > MaxMaxValue)
        {
            throw new InvalidDataException($"{format}: maxval {maxValue} out of range (1..{MaxMaxValue})");
        }

        // Exactly one whitespace byte ends the header; for binary files the raster follows it directly.
        if (reader.AtEnd)
        {
            throw new InvalidDataException($"truncated {format}: file ends after the header, before any pixel data");
        }

        if (!PnmTokenReader.IsWhitespace(reader.Current))
        {
            throw new InvalidDataException(
                $"{format}: expected whitespace after maxval at offset 0x{reader.Position:X}, found 0x{reader.Current:X2}");
        }

        reader.Skip();
        return new PnmHeader(format, channels, plain, (int)width, (int)height, (int)maxValue, reader.Position);
    }

    private static long ReadHeaderNumber(ref PnmTokenReader reader, string format, string field)
    {
        reader.SkipWhitespaceAndComments();
        if (reader.AtEnd)
        {
            throw new InvalidDataException($"truncated {format}: header ends before the {field}");
        }

        if (!reader.TryReadNumber(out long value))
        {
            throw new InvalidDataException(
                $"{format}: expected the {field} at offset 0x{reader.Position:X}, found 0x{reader.Current:X2}");
        }

        return value;
    }
}
