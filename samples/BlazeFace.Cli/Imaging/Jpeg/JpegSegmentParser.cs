namespace BlazeFace.Cli.Imaging.Jpeg;

/// <summary>Parses the marker segments of T.81 Annex B that carry tables, frame and scan headers.</summary>
internal static class JpegSegmentParser
{
    /// <summary>
    /// Returns the parameters of the segment whose marker starts at <paramref name="markerPosition"/>
    /// (without the two length bytes) and the offset just past it.
    /// </summary>
    public static ReadOnlySpan<byte> ReadSegment(ReadOnlySpan<byte> data, int markerPosition, byte marker, out int next)
    {
        int lengthPosition = markerPosition + 2;
        if (lengthPosition + 2 > data.Length)
        {
            throw JpegFormatError.Create(
                $"Truncated JPEG: the data ends inside the length of marker segment {JpegMarker.Describe(marker)}.");
        }

        int length = (data[lengthPosition] << 8) | data[lengthPosition + 1];
        if (length < 2)
        {
            throw JpegFormatError.Create(
                $"Corrupt JPEG data: marker segment {JpegMarker.Describe(marker)} has invalid length {length}.");
        }

        if (lengthPosition + length > data.Length)
        {
            throw JpegFormatError.Create(
                $"Truncated JPEG: marker segment {JpegMarker.Describe(marker)} needs {length} bytes but the data ends first.");
        }

        next = lengthPosition + length;
        return data.Slice(lengthPosition + 2, length - 2);
    }

    /// <summary>DQT (B.2.4.1): one or more quantization tables, stored here in natural order.</summary>
    public static void ParseQuantizationTables(ReadOnlySpan<byte> segment, JpegDecoderState state)
    {
        ReadOnlySpan<byte> zigZag = JpegZigZag.ToNatural;
        int i = 0;
        while (i < segment.Length)
        {
            int precision = segment[i] >> 4;
            int id = segment[i] & 0x0F;
            i++;
            if (precision > 1)
            {
                throw JpegFormatError.Create($"Invalid quantization table: unknown precision {precision}.");
            }

            if (id > 3)
            {
                throw JpegFormatError.Create($"Invalid quantization table: table id {id} is greater than 3.");
            }

            int bytesPerValue = precision + 1;
            if (i + (64 * bytesPerValue) > segment.Length)
            {
                throw JpegFormatError.Create("Invalid quantization table: the DQT segment is too short.");
            }

            var table = new ushort[64];
            for (int k = 0; k < 64; k++)
            {
                int value = precision == 0
                    ? segment[i + k]
                    : (segment[i + (2 * k)] << 8) | segment[i + (2 * k) + 1];
                table[zigZag[k]] = (ushort)value;
            }

            i += 64 * bytesPerValue;
            state.SetQuantizationTable(id, table);
        }
    }

    /// <summary>DHT (B.2.4.2): one or more Huffman tables.</summary>
    public static void ParseHuffmanTables(ReadOnlySpan<byte> segment, JpegDecoderState state)
    {
        int i = 0;
        while (i < segment.Length)
        {
            int tableClass = segment[i] >> 4;
            int id = segment[i] & 0x0F;
            i++;
            if (tableClass > 1)
            {
                throw JpegFormatError.Create($"Invalid Huffman table: unknown table class {tableClass}.");
            }

            if (id > 3)
            {
                throw JpegFormatError.Create($"Invalid Huffman table: table id {id} is greater than 3.");
            }

            if (i + 16 > segment.Length)
            {
                throw JpegFormatError.Create("Invalid Huffman table: the DHT segment is too short for the code-length counts.");
            }

            ReadOnlySpan<byte> counts = segment.Slice(i, 16);
            i += 16;
            int total = 0;
            foreach (byte count in counts)
            {
                total += count;
            }

            if (total > 256)
            {
                throw JpegFormatError.Create($"Invalid Huffman table: {total} codes declared, more than 256.");
            }

            if (i + total > segment.Length)
            {
                throw JpegFormatError.Create("Invalid Huffman table: the DHT segment is too short for its symbols.");
            }

            bool dc = tableClass == 0;
            var table = JpegHuffmanTable.Create(counts, segment.Slice(i, total), dc ? 15 : 255);
            i += total;
            state.SetHuffmanTable(dc, id, table);
        }
    }

    /// <summary>DRI (B.2.4.4).</summary>
    public static void ParseRestartInterval(ReadOnlySpan<byte> segment, JpegDecoderState state)
    {
        if (segment.Length != 2)
        {
            throw JpegFormatError.Create($"Corrupt JPEG data: DRI segment has {segment.Length} parameter bytes instead of 2.");
        }

        state.RestartInterval = (segment[0] << 8) | segment[1];
    }

    /// <summary>APPn: notes JFIF (APP0) and the Adobe colour transform flag (APP14).</summary>
    public static void ParseApplicationSegment(ReadOnlySpan<byte> segment, byte marker, JpegDecoderState state)
    {
        if (marker == JpegMarker.App0 && segment.StartsWith("JFIF\0"u8))
        {
            state.SawJfif = true;
        }
        else if (marker == JpegMarker.App14 && segment.Length >= 12 && segment.StartsWith("Adobe"u8))
        {
            // "Adobe", version (2 bytes), flags0 (2), flags1 (2), transform (1).
            state.AdobeTransform = segment[11];
        }
    }

    /// <summary>SOF0/SOF1/SOF2 (B.2.2). Everything this decoder cannot handle is rejected here.</summary>
    public static JpegFrame ParseFrame(ReadOnlySpan<byte> segment, byte marker)
    {
        if (segment.Length < 6)
        {
            throw JpegFormatError.Create("Corrupt JPEG data: the SOF segment is too short.");
        }

        int precision = segment[0];
        int height = (segment[1] << 8) | segment[2];
        int width = (segment[3] << 8) | segment[4];
        int componentCount = segment[5];

        if (precision != 8)
        {
            throw JpegFormatError.Create(
                $"Unsupported JPEG: {precision}-bit sample precision (only 8-bit is supported).");
        }

        if (componentCount == 4)
        {
            throw JpegFormatError.Create("Unsupported JPEG: 4-component (CMYK/YCCK) images are not supported.");
        }

        if (componentCount != 1 && componentCount != 3)
        {
            throw JpegFormatError.Create(
                $"Unsupported JPEG: {componentCount} components (only 1 for grayscale or 3 for colour are supported).");
        }

        // Zero sizes (a height left to a DNL segment) and images above 100 megapixels are
        // rejected here, before anything is allocated for them.
        ImageSizeLimits.Validate("JPEG", width, height);

        if (segment.Length != 6 + (3 * componentCount))
        {
            throw JpegFormatError.Create(
                $"Corrupt JPEG data: SOF segment length does not match its {componentCount} components.");
        }

        var components = new JpegComponent[componentCount];
        for (int c = 0; c < componentCount; c++)
        {
            int offset = 6 + (3 * c);
            int id = segment[offset];
            int h = segment[offset + 1] >> 4;
            int v = segment[offset + 1] & 0x0F;
            int quantizationTableId = segment[offset + 2];
            if (h < 1 || h > 4 || v < 1 || v > 4)
            {
                throw JpegFormatError.Create(
                    $"Invalid JPEG: component {id} has sampling factors {h}x{v} (each must be 1 to 4).");
            }

            if (quantizationTableId > 3)
            {
                throw JpegFormatError.Create(
                    $"Invalid JPEG: component {id} uses quantization table {quantizationTableId} (must be 0 to 3).");
            }

            for (int previous = 0; previous < c; previous++)
            {
                if (components[previous].Id == id)
                {
                    throw JpegFormatError.Create($"Invalid JPEG: component id {id} appears twice in the frame.");
                }
            }

            components[c] = new JpegComponent(id, h, v, quantizationTableId);
        }

        return new JpegFrame(marker == JpegMarker.Sof2Progressive, width, height, components);
    }

    /// <summary>SOS (B.2.3), validated against the frame and the tables defined so far.</summary>
    public static JpegScan ParseScan(ReadOnlySpan<byte> segment, JpegDecoderState state)
    {
        JpegFrame frame = state.Frame
            ?? throw JpegFormatError.Create("Corrupt JPEG data: SOS marker before any SOF frame header.");

        if (segment.Length < 1)
        {
            throw JpegFormatError.Create("Corrupt JPEG data: the SOS segment is empty.");
        }

        int count = segment[0];
        if (count < 1 || count > 4)
        {
            throw JpegFormatError.Create($"Corrupt JPEG data: scan has {count} components (must be 1 to 4).");
        }

        if (segment.Length != 4 + (2 * count))
        {
            throw JpegFormatError.Create("Corrupt JPEG data: SOS segment length does not match its component count.");
        }

        int spectralStart = segment[1 + (2 * count)];
        int spectralEnd = segment[2 + (2 * count)];
        int approximationHigh = segment[3 + (2 * count)] >> 4;
        int approximationLow = segment[3 + (2 * count)] & 0x0F;

        bool dcFirst;
        bool needsAc;
        if (frame.Progressive)
        {
            ValidateProgressiveScan(count, spectralStart, spectralEnd, approximationHigh, approximationLow);
            dcFirst = spectralStart == 0 && approximationHigh == 0;
            needsAc = spectralStart > 0;
        }
        else
        {
            // Sequential scans always code all 64 coefficients; libjpeg likewise ignores Ss/Se/Ah/Al here.
            spectralStart = 0;
            spectralEnd = 63;
            approximationHigh = 0;
            approximationLow = 0;
            dcFirst = true;
            needsAc = true;
        }

        var components = new JpegScanComponent[count];
        int blocksPerMcu = 0;
        for (int i = 0; i < count; i++)
        {
            int id = segment[1 + (2 * i)];
            int dcId = segment[2 + (2 * i)] >> 4;
            int acId = segment[2 + (2 * i)] & 0x0F;
            JpegComponent component = frame.FindComponent(id)
                ?? throw JpegFormatError.Create($"Corrupt JPEG data: scan references component id {id}, which is not in the frame.");

            for (int previous = 0; previous < i; previous++)
            {
                if (components[previous].Component == component)
                {
                    throw JpegFormatError.Create($"Corrupt JPEG data: component id {id} appears twice in one scan.");
                }
            }

            if (dcId > 3 || acId > 3)
            {
                throw JpegFormatError.Create($"Corrupt JPEG data: scan component {id} selects a Huffman table id above 3.");
            }

            JpegHuffmanTable? dcTable = dcFirst ? state.GetHuffmanTable(true, dcId) : null;
            JpegHuffmanTable? acTable = needsAc ? state.GetHuffmanTable(false, acId) : null;
            if (dcFirst && dcTable is null)
            {
                throw JpegFormatError.Create($"Invalid JPEG: missing DC Huffman table {dcId} used by component {id}.");
            }

            if (needsAc && acTable is null)
            {
                throw JpegFormatError.Create($"Invalid JPEG: missing AC Huffman table {acId} used by component {id}.");
            }

            if (frame.Progressive && spectralStart > 0 && !component.HasDcScan)
            {
                throw JpegFormatError.Create(
                    $"Invalid progressive JPEG: AC scan of component {id} before its first DC scan (T.81 G.1.1.1.1).");
            }

            blocksPerMcu += component.HorizontalFactor * component.VerticalFactor;
            components[i] = new JpegScanComponent(component, dcTable, acTable);
        }

        if (count > 1 && blocksPerMcu > 10)
        {
            throw JpegFormatError.Create(
                $"Invalid JPEG: an interleaved MCU of {blocksPerMcu} blocks exceeds the limit of 10 (T.81 B.2.3).");
        }

        return new JpegScan(components, spectralStart, spectralEnd, approximationHigh, approximationLow);
    }

    private static void ValidateProgressiveScan(int count, int ss, int se, int ah, int al)
    {
        bool valid = ss == 0
            ? se == 0
            : se >= ss && se <= 63 && count == 1;
        if (ah != 0 && ah != al + 1)
        {
            valid = false;
        }

        if (al > 13)
        {
            valid = false;
        }

        if (!valid)
        {
            throw JpegFormatError.Create(
                $"Invalid progressive JPEG scan parameters: Ns={count} Ss={ss} Se={se} Ah={ah} Al={al}.");
        }
    }
}
