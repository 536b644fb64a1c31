namespace BlazeFace.Cli.Imaging.Jpeg;

/// <summary>
/// Walks the MCUs of one scan (T.81 A.2, E.2.4), handles restart intervals and hands each block
/// to the sequential or progressive block decoder.
/// </summary>
internal static class JpegScanDecoder
{
    private enum ScanKind
    {
        Sequential,
        DcFirst,
        DcRefine,
        AcFirst,
        AcRefine,
    }

    /// <summary>Decodes the entropy-coded data starting at <paramref name="position"/>.</summary>
    /// <returns>The offset at which to look for the next marker.</returns>
    public static int Decode(ReadOnlySpan<byte> data, int position, JpegScan scan, JpegDecoderState state)
    {
        JpegFrame frame = state.Frame!;
        ScanKind kind = Classify(frame, scan);
        JpegScanComponent[] components = scan.Components;
        bool interleaved = components.Length > 1;

        long blockCount = 0;
        foreach (JpegScanComponent sc in components)
        {
            JpegComponent c = sc.Component;
            blockCount += interleaved
                ? (long)frame.McusPerLine * frame.McusPerColumn * c.HorizontalFactor * c.VerticalFactor
                : (long)c.WidthInBlocks * c.HeightInBlocks;
        }

        // Sequential and DC scans spend at least one bit on every block, so a scan with fewer bits
        // left in the file is truncated. Checking this first also keeps a corrupt header that
        // declares a huge image from allocating memory for it.
        bool oneBitPerBlock = kind is ScanKind.Sequential or ScanKind.DcFirst or ScanKind.DcRefine;
        if (oneBitPerBlock && (long)(data.Length - position) * 8 < blockCount)
        {
            throw JpegFormatError.Create(
                $"Truncated JPEG: {data.Length - position} bytes of scan data cannot hold {blockCount} blocks.");
        }

        foreach (JpegScanComponent sc in components)
        {
            Prepare(sc.Component, state, kind);
        }

        var reader = new JpegBitReader(data, position);
        Span<int> predictors = stackalloc int[4];
        int eobRun = 0;
        int restartInterval = state.RestartInterval;
        int nextRestart = 0;

        JpegComponent first = components[0].Component;
        int mcusPerLine = interleaved ? frame.McusPerLine : first.WidthInBlocks;
        int mcuCount = interleaved ? frame.McusPerLine * frame.McusPerColumn : first.WidthInBlocks * first.HeightInBlocks;

        for (int mcu = 0; mcu < mcuCount; mcu++)
        {
            if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0)
            {
                reader.ConsumeRestartMarker(nextRestart);
                nextRestart = (nextRestart + 1) & 7;
                predictors.Clear();
                eobRun = 0;
            }

            int mcuRow = mcu / mcusPerLine;
            int mcuColumn = mcu % mcusPerLine;
            if (!interleaved)
            {
                DecodeBlock(ref reader, kind, scan, components[0], first.Block(mcuRow, mcuColumn), ref predictors[0], ref eobRun);
                continue;
            }

            for (int i = 0; i < components.Length; i++)
            {
                JpegComponent c = components[i].Component;
                for (int v = 0; v < c.VerticalFactor; v++)
                {
                    for (int h = 0; h < c.HorizontalFactor; h++)
                    {
                        Span<short> block = c.Block((mcuRow * c.VerticalFactor) + v, (mcuColumn * c.HorizontalFactor) + h);
                        DecodeBlock(ref reader, kind, scan, components[i], block, ref predictors[i], ref eobRun);
                    }
                }
            }
        }

        return reader.Position;
    }

    private static ScanKind Classify(JpegFrame frame, JpegScan scan)
    {
        if (!frame.Progressive)
        {
            return ScanKind.Sequential;
        }

        if (scan.SpectralStart == 0)
        {
            return scan.ApproximationHigh == 0 ? ScanKind.DcFirst : ScanKind.DcRefine;
        }

        return scan.ApproximationHigh == 0 ? ScanKind.AcFirst : ScanKind.AcRefine;
    }

    /// <summary>
    /// On a component's first scan: latches its quantization table (as libjpeg does, later DQT
    /// segments do not affect it) and allocates its coefficient store.
    /// </summary>
    private static void Prepare(JpegComponent component, JpegDecoderState state, ScanKind kind)
    {
        if (component.QuantizationTable is null)
        {
            component.QuantizationTable = state.GetQuantizationTable(component.QuantizationTableId)
                ?? throw JpegFormatError.Create(
                    $"Invalid JPEG: missing quantization table {component.QuantizationTableId} used by component {component.Id}.");
        }

        if (component.Coefficients is null)
        {
            long length = (long)component.BlocksPerLine * component.BlocksPerColumn * 64;
            if (length > Array.MaxLength)
            {
                throw JpegFormatError.Create("Unsupported JPEG: the image is too large to decode.");
            }

            component.Coefficients = new short[length];
        }

        if (kind is ScanKind.DcFirst or ScanKind.Sequential)
        {
            component.HasDcScan = true;
        }
    }

    private static void DecodeBlock(
        ref JpegBitReader reader,
        ScanKind kind,
        JpegScan scan,
        JpegScanComponent scanComponent,
        Span<short> block,
        ref int predictor,
        ref int eobRun)
    {
        switch (kind)
        {
            case ScanKind.Sequential:
                JpegSequentialDecoder.DecodeBlock(ref reader, block, scanComponent.DcTable!, scanComponent.AcTable!, ref predictor);
                break;
            case ScanKind.DcFirst:
                JpegProgressiveDecoder.DecodeDcFirst(ref reader, block, scanComponent.DcTable!, ref predictor, scan.ApproximationLow);
                break;
            case ScanKind.DcRefine:
                JpegProgressiveDecoder.DecodeDcRefine(ref reader, block, scan.ApproximationLow);
                break;
            case ScanKind.AcFirst:
                JpegProgressiveDecoder.DecodeAcFirst(ref reader, block, scanComponent.AcTable!, scan, ref eobRun);
                break;
            default:
                JpegProgressiveDecoder.DecodeAcRefine(ref reader, block, scanComponent.AcTable!, scan, ref eobRun);
                break;
        }
    }
}
