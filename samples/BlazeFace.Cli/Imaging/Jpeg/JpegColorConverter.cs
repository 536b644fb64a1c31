namespace BlazeFace.Cli.Imaging.Jpeg;

/// <summary>
/// Converts component rows to interleaved RGB24: grayscale is replicated, RGB is copied and
/// YCbCr uses the JFIF equations (full range, CCIR 601 coefficients) in 16-bit fixed point:
/// R = Y + 1.402 (Cr - 128), G = Y - 0.344136 (Cb - 128) - 0.714136 (Cr - 128), B = Y + 1.772 (Cb - 128).
/// </summary>
internal static class JpegColorConverter
{
    private const int FractionBits = 16;
    private const int Half = 1 << (FractionBits - 1);

    private static readonly int[] CrToR = BuildTable(1.402, Half);
    private static readonly int[] CbToB = BuildTable(1.772, Half);
    private static readonly int[] CbToG = BuildTable(-0.344136, 0);
    private static readonly int[] CrToG = BuildTable(-0.714136, Half);

    public static void GrayToRgb(ReadOnlySpan<byte> gray, Span<byte> rgb)
    {
        for (int x = 0; x < gray.Length; x++)
        {
            byte value = gray[x];
            rgb[3 * x] = value;
            rgb[(3 * x) + 1] = value;
            rgb[(3 * x) + 2] = value;
        }
    }

    public static void RgbToRgb(ReadOnlySpan<byte> r, ReadOnlySpan<byte> g, ReadOnlySpan<byte> b, Span<byte> rgb)
    {
        for (int x = 0; x < r.Length; x++)
        {
            rgb[3 * x] = r[x];
            rgb[(3 * x) + 1] = g[x];
            rgb[(3 * x) + 2] = b[x];
        }
    }

    public static void YCbCrToRgb(ReadOnlySpan<byte> luma, ReadOnlySpan<byte> cb, ReadOnlySpan<byte> cr, Span<byte> rgb)
    {
        for (int x = 0; x < luma.Length; x++)
        {
            int y = luma[x];
            int blue = cb[x];
            int red = cr[x];
            rgb[3 * x] = ClampToByte(y + (CrToR[red] >> FractionBits));
            rgb[(3 * x) + 1] = ClampToByte(y + ((CbToG[blue] + CrToG[red]) >> FractionBits));
            rgb[(3 * x) + 2] = ClampToByte(y + (CbToB[blue] >> FractionBits));
        }
    }

    private static byte ClampToByte(int value) => (byte)Math.Clamp(value, 0, 255);

    /// <summary>table[i] = round-to-fixed(factor * (i - 128)) plus the given rounding offset.</summary>
    private static int[] BuildTable(double factor, int rounding)
    {
        var table = new int[256];
        for (int i = 0; i < 256; i++)
        {
            table[i] = (int)Math.Round(factor * (i - 128) * (1 << FractionBits)) + rounding;
        }

        return table;
    }
}
