using System.Buffers.Binary;

namespace BlazeFace.Cli.Imaging;

/// <summary>
/// Decodes Netpbm colour (PPM: P6 binary, P3 plain text) and gray (PGM: P5 binary,
/// P2 plain text) images to RGB.
/// </summary>
/// <remarks>
/// Any maxval from 1 to 65535 is accepted; samples are rescaled to 0..255 as
/// round(sample * 255 / maxval). Binary files with maxval above 255 store two bytes per
/// sample, most significant first. Header comments are allowed, and in plain files also
/// between samples. A sample above maxval is an error. Bytes after the raster are ignored.
/// Only the first image of a multi-image file is read.
/// </remarks>
internal static class PnmDecoder
{
    /// <summary>Decodes a complete PPM or PGM file.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid, supported PPM or PGM file.</exception>
    public static RgbImage Decode(ReadOnlySpan<byte> file)
    {
        PnmHeader header = PnmHeader.Parse(file);
        return header.IsPlain ? DecodePlain(file, header) : DecodeBinary(file, header);
    }

    private static RgbImage DecodeBinary(ReadOnlySpan<byte> file, PnmHeader header)
    {
        long rowBytes = (long)header.Width * header.Channels * header.SampleBytes;
        long available = file.Length - header.DataOffset;
        if (available < rowBytes * header.Height)
        {
            throw new InvalidDataException(
                $"truncated {header.FormatName}: pixel data ends after {available / rowBytes} of {header.Height} rows");
        }

        ReadOnlySpan<byte> raster = file[header.DataOffset..];
        var image = new RgbImage(header.Width, header.Height);
        Span<byte> output = image.Pixels;
        int samples = header.Width * header.Height * header.Channels;
        for (int i = 0; i < samples; i++)
        {
            int value = header.SampleBytes == 2
                ? BinaryPrimitives.ReadUInt16BigEndian(raster[(2 * i)..])
                : raster[i];
            if (value > header.MaxValue)
            {
                throw SampleOutOfRange(header, value, i);
            }

            Store(output, header.Channels, i, Rescale(value, header.MaxValue));
        }

        return image;
    }

    private static RgbImage DecodePlain(ReadOnlySpan<byte> file, PnmHeader header)
    {
        long samples = (long)header.Width * header.Height * header.Channels;

        // Each sample takes at least one digit and one separator, so this bounds the
        // allocation by the file size before any pixel memory is requested.
        long room = (file.Length - header.DataOffset + 1L) / 2;
        if (samples > room)
        {
            throw new InvalidDataException(
                $"truncated {header.FormatName}: {file.Length - header.DataOffset} bytes of text cannot hold {samples} samples");
        }

        var image = new RgbImage(header.Width, header.Height);
        Span<byte> output = image.Pixels;
        var reader = new PnmTokenReader(file, header.DataOffset);
        int samplesPerRow = header.Width * header.Channels;
        for (int i = 0; i < samples; i++)
        {
            reader.SkipWhitespaceAndComments();
            if (reader.AtEnd)
            {
                throw new InvalidDataException(
                    $"truncated {header.FormatName}: pixel data ends after {i / samplesPerRow} of {header.Height} rows");
            }

            if (!reader.TryReadNumber(out long value))
            {
                throw new InvalidDataException(
                    $"{header.FormatName}: unexpected byte 0x{reader.Current:X2} in pixel data at offset 0x{reader.Position:X}");
            }

            if (value > header.MaxValue)
            {
                throw SampleOutOfRange(header, value, i);
            }

            Store(output, header.Channels, i, Rescale((int)value, header.MaxValue));
        }

        return image;
    }

    // Gray samples fill all three channels of their pixel.
    private static void Store(Span<byte> output, int channels, int sampleIndex, byte value)
    {
        if (channels == 3)
        {
            output[sampleIndex] = value;
        }
        else
        {
            int target = sampleIndex * 3;
            output[target] = value;
            output[target + 1] = value;
            output[target + 2] = value;
        }
    }

    // Rounds to nearest, halves up; value is already known to be at most maxValue (<= 65535),
    // so the product fits an int.
    private static byte Rescale(int value, int maxValue) =>
        maxValue == 255 ? (byte)value : (byte)(((value * 255) + (maxValue / 2)) / maxValue);

    private static InvalidDataException SampleOutOfRange(PnmHeader header, long value, int sampleIndex)
    {
        int pixel = sampleIndex / header.Channels;
        return new InvalidDataException(
            $"{header.FormatName}: sample {value} exceeds maxval {header.MaxValue} at pixel ({pixel % header.Width}, {pixel / header.Width})");
    }
}
