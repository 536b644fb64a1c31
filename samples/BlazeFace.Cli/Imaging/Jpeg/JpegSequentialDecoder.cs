namespace BlazeFace.Cli.Imaging.Jpeg;

/// <summary>Huffman decoding of one 8x8 block in a sequential (baseline or extended) scan, T.81 F.2.2.</summary>
internal static class JpegSequentialDecoder
{
    /// <summary>Largest magnitude category of a DC difference for 8-bit samples (Table F.1).</summary>
    public const int MaxDcCategory = 11;

    /// <summary>Largest magnitude category of an AC coefficient for 8-bit samples (Table F.2).</summary>
    public const int MaxAcCategory = 10;

    public static void DecodeBlock(
        ref JpegBitReader reader,
        Span<short> block,
        JpegHuffmanTable dcTable,
        JpegHuffmanTable acTable,
        ref int predictor)
    {
        int category = dcTable.Decode(ref reader);
        if (category > MaxDcCategory)
        {
            throw JpegFormatError.Create($"Corrupt JPEG data: DC difference category {category} is too large for 8-bit samples.");
        }

        // Keep the predictor within the coefficient range so that corrupt data cannot overflow it.
        predictor = (short)(predictor + reader.ReceiveExtend(category));
        block[0] = (short)predictor;

        ReadOnlySpan<byte> natural = JpegZigZag.ToNatural;
        for (int k = 1; k < 64; k++)
        {
            int symbol = acTable.Decode(ref reader);
            int run = symbol >> 4;
            int size = symbol & 0x0F;
            if (size == 0)
            {
                if (run != 15)
                {
                    return; // EOB: the rest of the block is zero
                }

                k += 15; // ZRL: sixteen zeros (the loop adds the last one)
                if (k > 63)
                {
                    throw CoefficientOverflow();
                }

                continue;
            }

            k += run;
            if (k > 63)
            {
                throw CoefficientOverflow();
            }

            if (size > MaxAcCategory)
            {
                throw JpegFormatError.Create($"Corrupt JPEG data: AC coefficient category {size} is too large for 8-bit samples.");
            }

            block[natural[k]] = (short)reader.ReceiveExtend(size);
        }
    }

    public static InvalidDataException CoefficientOverflow() =>
        JpegFormatError.Create("Corrupt JPEG data: run length moves past the last coefficient of the block (coefficient index overflow).");
}
