namespace BlazeFace.Cli.Imaging;

/// <summary>
/// Entry point for reading images: recognises the format from the file's first bytes and
/// hands the file to the matching decoder.
/// </summary>
/// <remarks>
/// Every decoder reports bad input (malformed, truncated, unsupported or oversized) as
/// <see cref="InvalidDataException"/> whose message starts with the format, e.g.
/// "PNG: CRC mismatch in chunk IDAT at offset 0x2F" or "truncated PPM: ...". The BCL seals
/// InvalidDataException, so there is no library-specific subclass to catch instead.
/// </remarks>
internal static class ImageDecoder
{
    /// <summary>Reads and decodes an image file.</summary>
    /// <exception cref="InvalidDataException">The file is not a supported, valid image.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static RgbImage DecodeFile(string path) => Decode(File.ReadAllBytes(path));

    /// <summary>Decodes an image held in memory.</summary>
    /// <exception cref="InvalidDataException">The data is not a supported, valid image.</exception>
    public static RgbImage Decode(ReadOnlySpan<byte> file) => DetectFormat(file) switch
    {
        ImageFileFormat.Png => PngDecoder.Decode(file),
        ImageFileFormat.Pnm => PnmDecoder.Decode(file),
        ImageFileFormat.Jpeg => JpegDecoder.Decode(file),
        _ => throw new InvalidDataException(file.IsEmpty
            ? "not a PNG, JPEG, PPM or PGM file (the file is empty)"
            : $"not a PNG, JPEG, PPM or PGM file (starts with {DescribeLeadingBytes(file)})"),
    };

    /// <summary>Recognises a format by its signature, without validating anything past it.</summary>
    public static ImageFileFormat DetectFormat(ReadOnlySpan<byte> file)
    {
        if (PngSignature.IsPrefixOf(file))
        {
            // A cut-off signature still counts, so the PNG decoder can call it truncated.
            return ImageFileFormat.Png;
        }

        if (file.Length >= 2 && file[0] == (byte)'P' && char.IsAsciiDigit((char)file[1]))
        {
            return ImageFileFormat.Pnm;
        }

        if (file.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ImageFileFormat.Jpeg;
        }

        return ImageFileFormat.Unknown;
    }

    /// <summary>Up to the first eight bytes in hex, e.g. "0x47 0x49 0x46 0x38", for error messages.</summary>
    internal static string DescribeLeadingBytes(ReadOnlySpan<byte> file)
    {
        ReadOnlySpan<byte> head = file[..Math.Min(file.Length, 8)];
        return string.Join(' ', head.ToArray().Select(value => $"0x{value:X2}"));
    }
}
