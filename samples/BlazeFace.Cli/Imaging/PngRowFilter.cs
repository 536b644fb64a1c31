namespace BlazeFace.Cli.Imaging;

/// <summary>
/// The five PNG scanline filters, in both directions: <see cref="Apply"/> for the encoder,
/// <see cref="Reverse"/> for the decoder.
/// </summary>
/// <remarks>
/// Scanlines here exclude the leading filter-type byte. <c>prior</c> is the previous
/// scanline of the same pass after reversal, or all zeros for the first scanline.
/// <c>stride</c> is <see cref="PngHeader.FilterStride"/>.
/// </remarks>
internal static class PngRowFilter
{
    /// <summary>Undoes <paramref name="type"/> in place, turning filtered bytes back into raw bytes.</summary>
    public static void Reverse(PngFilterType type, Span<byte> row, ReadOnlySpan<byte> prior, int stride)
    {
        int length = row.Length;
        int head = Math.Min(stride, length);
        switch (type)
        {
            case PngFilterType.None:
                break;
            case PngFilterType.Sub:
                for (int i = stride; i < length; i++)
                {
                    row[i] += row[i - stride];
                }

                break;
            case PngFilterType.Up:
                for (int i = 0; i < length; i++)
                {
                    row[i] += prior[i];
                }

                break;
            case PngFilterType.Average:
                for (int i = 0; i < head; i++)
                {
                    row[i] += (byte)(prior[i] >> 1);
                }

                for (int i = stride; i < length; i++)
                {
                    row[i] += (byte)((row[i - stride] + prior[i]) >> 1);
                }

                break;
            case PngFilterType.Paeth:
                // With no pixel to the left, Paeth predicts from the byte above alone.
                for (int i = 0; i < head; i++)
                {
                    row[i] += prior[i];
                }

                for (int i = stride; i < length; i++)
                {
                    row[i] += PaethPredictor(row[i - stride], prior[i], prior[i - stride]);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Not a PNG filter type.");
        }
    }

    /// <summary>Writes <paramref name="row"/> filtered with <paramref name="type"/> into <paramref name="output"/>.</summary>
    public static void Apply(PngFilterType type, ReadOnlySpan<byte> row, ReadOnlySpan<byte> prior, int stride, Span<byte> output)
    {
        int length = row.Length;
        int head = Math.Min(stride, length);
        switch (type)
        {
            case PngFilterType.None:
                row.CopyTo(output);
                break;
            case PngFilterType.Sub:
                row[..head].CopyTo(output);
                for (int i = stride; i < length; i++)
                {
                    output[i] = (byte)(row[i] - row[i - stride]);
                }

                break;
            case PngFilterType.Up:
                for (int i = 0; i < length; i++)
                {
                    output[i] = (byte)(row[i] - prior[i]);
                }

                break;
            case PngFilterType.Average:
                for (int i = 0; i < head; i++)
                {
                    output[i] = (byte)(row[i] - (prior[i] >> 1));
                }

                for (int i = stride; i < length; i++)
                {
                    output[i] = (byte)(row[i] - ((row[i - stride] + prior[i]) >> 1));
                }

                break;
            case PngFilterType.Paeth:
                for (int i = 0; i < head; i++)
                {
                    output[i] = (byte)(row[i] - prior[i]);
                }

                for (int i = stride; i < length; i++)
                {
                    output[i] = (byte)(row[i] - PaethPredictor(row[i - stride], prior[i], prior[i - stride]));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Not a PNG filter type.");
        }
    }

    /// <summary>Of left, above and upper-left, the one closest to left + above - upperLeft (ties in that order).</summary>
    private static byte PaethPredictor(int left, int above, int upperLeft)
    {
        int estimate = left + above - upperLeft;
        int toLeft = Math.Abs(estimate - left);
        int toAbove = Math.Abs(estimate - above);
        int toUpperLeft = Math.Abs(estimate - upperLeft);
        if (toLeft <= toAbove && toLeft <= toUpperLeft)
        {
            return (byte)left;
        }

        return (byte)(toAbove <= toUpperLeft ? above : upperLeft);
    }
}
