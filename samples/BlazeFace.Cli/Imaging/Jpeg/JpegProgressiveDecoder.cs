namespace BlazeFace.Cli.Imaging.Jpeg;

/// <summary>
/// Huffman decoding of one block in a progressive scan (T.81 G.1.2): DC first and refinement scans,
/// AC first and refinement scans with spectral selection, successive approximation and EOB runs.
/// </summary>
internal static class JpegProgressiveDecoder
{
    public static void DecodeDcFirst(
        ref JpegBitReader reader,
        Span<short> block,
        JpegHuffmanTable dcTable,
        ref int predictor,
        int approximationLow)
    {
        int category = dcTable.Decode(ref reader);
        if (category > JpegSequentialDecoder.MaxDcCategory)
        {
            throw JpegFormatError.Create($"Corrupt JPEG data: DC difference category {category} is too large for 8-bit samples.");
        }

        predictor = (short)(predictor + reader.ReceiveExtend(category));
        block[0] = (short)(predictor << approximationLow);
    }

    public static void DecodeDcRefine(ref JpegBitReader reader, Span<short> block, int approximationLow)
    {
        if (reader.ReadBit() != 0)
        {
            block[0] = (short)((ushort)block[0] | (1 << approximationLow));
        }
    }

    public static void DecodeAcFirst(
        ref JpegBitReader reader,
        Span<short> block,
        JpegHuffmanTable acTable,
        JpegScan scan,
        ref int eobRun)
    {
        if (eobRun > 0)
        {
            eobRun--;
            return;
        }

        ReadOnlySpan<byte> natural = JpegZigZag.ToNatural;
        int end = scan.SpectralEnd;
        int shift = scan.ApproximationLow;
        for (int k = scan.SpectralStart; k <= end; k++)
        {
            int symbol = acTable.Decode(ref reader);
            int run = symbol >> 4;
            int size = symbol & 0x0F;
            if (size == 0)
            {
                if (run < 15)
                {
                    // EOBn: this block and the next (2^n - 1 + extra bits) blocks end here.
                    eobRun = (1 << run) - 1 + reader.ReadBits(run);
                    return;
                }

                k += 15; // ZRL
                if (k > end)
                {
                    throw JpegSequentialDecoder.CoefficientOverflow();
                }

                continue;
            }

            k += run;
            if (k > end)
            {
                throw JpegSequentialDecoder.CoefficientOverflow();
            }

            if (size > JpegSequentialDecoder.MaxAcCategory)
            {
                throw JpegFormatError.Create($"Corrupt JPEG data: AC coefficient category {size} is too large for 8-bit samples.");
            }

            block[natural[k]] = (short)(reader.ReceiveExtend(size) * (1 << shift));
        }
    }

    /// <summary>
    /// AC successive-approximation refinement (G.1.2.3): each coefficient that is already non-zero
    /// receives one correction bit; newly non-zero coefficients are coded as a run of zero-history
    /// coefficients followed by a sign bit.
    /// </summary>
    public static void DecodeAcRefine(
        ref JpegBitReader reader,
        Span<short> block,
        JpegHuffmanTable acTable,
        JpegScan scan,
        ref int eobRun)
    {
        ReadOnlySpan<byte> natural = JpegZigZag.ToNatural;
        int end = scan.SpectralEnd;
        int plusOne = 1 << scan.ApproximationLow;
        int minusOne = -1 << scan.ApproximationLow;
        int k = scan.SpectralStart;

        if (eobRun == 0)
        {
            while (k <= end)
            {
                int symbol = acTable.Decode(ref reader);
                int run = symbol >> 4;
                int size = symbol & 0x0F;
                int newValue = 0;
                if (size != 0)
                {
                    if (size != 1)
                    {
                        throw JpegFormatError.Create(
                            $"Corrupt JPEG data: AC refinement symbol has magnitude category {size} (must be 1).");
                    }

                    newValue = reader.ReadBit() != 0 ? plusOne : minusOne;
                }
                else if (run != 15)
                {
                    // EOBn: refine the rest of this block below, then skip 2^n - 1 + extra blocks.
                    eobRun = (1 << run) + reader.ReadBits(run);
                    break;
                }

                // Pass over 'run' zero-history coefficients (refining non-zero ones on the way);
                // the next zero-history coefficient receives newValue (nothing for ZRL).
                bool placed = false;
                while (k <= end)
                {
                    int z = natural[k];
                    k++;
                    if (block[z] != 0)
                    {
                        Refine(ref reader, ref block[z], plusOne, minusOne);
                    }
                    else if (run == 0)
                    {
                        if (newValue != 0)
                        {
                            block[z] = (short)newValue;
                        }

                        placed = true;
                        break;
                    }
                    else
                    {
                        run--;
                    }
                }

                if (!placed)
                {
                    throw JpegSequentialDecoder.CoefficientOverflow();
                }
            }
        }

        if (eobRun > 0)
        {
            for (; k <= end; k++)
            {
                int z = natural[k];
                if (block[z] != 0)
                {
                    Refine(ref reader, ref block[z], plusOne, minusOne);
                }
            }

            eobRun--;
        }
    }

    private static void Refine(ref JpegBitReader reader, ref short coefficient, int plusOne, int minusOne)
    {
        if (reader.ReadBit() != 0 && (coefficient & plusOne) == 0)
        {
            coefficient = (short)(coefficient + (coefficient >= 0 ? plusOne : minusOne));
        }
    }
}
