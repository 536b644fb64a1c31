namespace BlazeFace.Cli.Imaging;

/// <summary>
/// Converts unfiltered PNG scanlines of any colour type and bit depth into RGB pixels,
/// placing each pixel where its pass puts it in the output image.
/// </summary>
/// <remarks>
/// Gray is replicated into R, G and B; sub-byte gray is scaled to 0..255 (1 bit: 0/255,
/// 2 bits: steps of 85, 4 bits: steps of 17); 16-bit samples keep their high byte; palette
/// indexes are looked up in PLTE; alpha channels are discarded, not composited.
/// </remarks>
internal sealed class PngScanlineConverter
{
    private readonly PngHeader _header;
    private readonly byte[] _palette;
    private readonly byte[] _output;

    /// <param name="header">The image's IHDR.</param>
    /// <param name="palette">PLTE contents (RGB triples); empty unless the image is indexed.</param>
    /// <param name="output">The image receiving the pixels, of the header's size.</param>
    public PngScanlineConverter(PngHeader header, byte[] palette, RgbImage output)
    {
        _header = header;
        _palette = palette;
        _output = output.Pixels;
    }

    /// <summary>Stores the pixels of scanline <paramref name="passRow"/> of <paramref name="pass"/>.</summary>
    /// <exception cref="InvalidDataException">A palette index has no PLTE entry.</exception>
    public void Convert(ReadOnlySpan<byte> scanline, PngPass pass, int passRow)
    {
        int y = pass.YStart + (passRow * pass.YStep);
        int start = ((y * _header.Width) + pass.XStart) * 3;
        int step = pass.XStep * 3;
        Span<byte> output = _output.AsSpan();
        int bitDepth = _header.BitDepth;

        switch (_header.ColorType)
        {
            case PngColorType.Rgb when bitDepth == 8 && pass.XStep == 1:
                scanline[..(pass.Columns * 3)].CopyTo(output[start..]);
                break;
            case PngColorType.Rgb or PngColorType.Rgba:
                ConvertColor(scanline, pass.Columns, output, start, step);
                break;
            case PngColorType.Grayscale when bitDepth < 8:
                ConvertPackedGray(scanline, pass.Columns, output, start, step);
                break;
            case PngColorType.Grayscale or PngColorType.GrayscaleAlpha:
                ConvertGray(scanline, pass.Columns, output, start, step);
                break;
            case PngColorType.Indexed:
                ConvertIndexed(scanline, pass, y, output, start, step);
                break;
            default:
                throw new InvalidOperationException($"Colour type {_header.ColorType} passed IHDR validation.");
        }
    }

    // Byte offsets below point at the first (most significant) byte of each sample,
    // which is how 16-bit samples are reduced to 8 bits.
    private void ConvertColor(ReadOnlySpan<byte> scanline, int columns, Span<byte> output, int start, int step)
    {
        int sampleBytes = _header.BitDepth / 8;
        int pixelBytes = _header.Channels * sampleBytes;
        for (int i = 0, source = 0, target = start; i < columns; i++, source += pixelBytes, target += step)
        {
            output[target] = scanline[source];
            output[target + 1] = scanline[source + sampleBytes];
            output[target + 2] = scanline[source + (2 * sampleBytes)];
        }
    }

    private void ConvertGray(ReadOnlySpan<byte> scanline, int columns, Span<byte> output, int start, int step)
    {
        int pixelBytes = _header.Channels * (_header.BitDepth / 8);
        for (int i = 0, source = 0, target = start; i < columns; i++, source += pixelBytes, target += step)
        {
            byte gray = scanline[source];
            output[target] = gray;
            output[target + 1] = gray;
            output[target + 2] = gray;
        }
    }

    private void ConvertPackedGray(ReadOnlySpan<byte> scanline, int columns, Span<byte> output, int start, int step)
    {
        int bitDepth = _header.BitDepth;
        int scale = 255 / ((1 << bitDepth) - 1);
        for (int i = 0, target = start; i < columns; i++, target += step)
        {
            byte gray = (byte)(ReadPackedSample(scanline, i, bitDepth) * scale);
            output[target] = gray;
            output[target + 1] = gray;
            output[target + 2] = gray;
        }
    }

    private void ConvertIndexed(ReadOnlySpan<byte> scanline, PngPass pass, int y, Span<byte> output, int start, int step)
    {
        int bitDepth = _header.BitDepth;
        ReadOnlySpan<byte> palette = _palette;
        for (int i = 0, target = start; i < pass.Columns; i++, target += step)
        {
            int index = bitDepth == 8 ? scanline[i] : ReadPackedSample(scanline, i, bitDepth);
            int entry = index * 3;
            if (entry >= palette.Length)
            {
                int x = pass.XStart + (i * pass.XStep);
                throw new InvalidDataException(
                    $"PNG: palette index {index} out of range (PLTE has {palette.Length / 3} entries) at pixel ({x}, {y})");
            }

            output[target] = palette[entry];
            output[target + 1] = palette[entry + 1];
            output[target + 2] = palette[entry + 2];
        }
    }

    // Sub-byte samples are packed most significant bits first.
    private static int ReadPackedSample(ReadOnlySpan<byte> scanline, int index, int bitDepth)
    {
        int bit = index * bitDepth;
        int shift = 8 - bitDepth - (bit & 7);
        return (scanline[bit >> 3] >> shift) & ((1 << bitDepth) - 1);
    }
}
