namespace BlazeFace.Cli.Imaging.Jpeg;

/// <summary>One image component of a frame (T.81 B.2.2) and its decoded DCT coefficients.</summary>
internal sealed class JpegComponent
{
    public JpegComponent(int id, int horizontalFactor, int verticalFactor, int quantizationTableId)
    {
        Id = id;
        HorizontalFactor = horizontalFactor;
        VerticalFactor = verticalFactor;
        QuantizationTableId = quantizationTableId;
    }

    public int Id { get; }

    public int HorizontalFactor { get; }

    public int VerticalFactor { get; }

    public int QuantizationTableId { get; }

    /// <summary>Width of the component in samples: ceil(X * H / Hmax) (T.81 A.1.1).</summary>
    public int Width { get; set; }

    /// <summary>Height of the component in samples: ceil(Y * V / Vmax).</summary>
    public int Height { get; set; }

    /// <summary>Blocks per row covered by a non-interleaved scan: ceil(Width / 8).</summary>
    public int WidthInBlocks { get; set; }

    /// <summary>Block rows covered by a non-interleaved scan: ceil(Height / 8).</summary>
    public int HeightInBlocks { get; set; }

    /// <summary>Blocks per row of the coefficient store (whole MCUs, so at least <see cref="WidthInBlocks"/>).</summary>
    public int BlocksPerLine { get; set; }

    /// <summary>Block rows of the coefficient store (whole MCUs, so at least <see cref="HeightInBlocks"/>).</summary>
    public int BlocksPerColumn { get; set; }

    /// <summary>64 quantized coefficients per block, natural (row-major) order; null until the first scan.</summary>
    public short[]? Coefficients { get; set; }

    /// <summary>The quantization table latched when the component's first scan started.</summary>
    public ushort[]? QuantizationTable { get; set; }

    /// <summary>Whether a scan has coded this component's DC coefficients (first DC scan).</summary>
    public bool HasDcScan { get; set; }

    /// <summary>DC predictor (T.81 F.2.1.3.1), reset at the start of each scan and restart interval.</summary>
    public int DcPredictor { get; set; }

    public Span<short> Block(int blockRow, int blockColumn) =>
        Coefficients.AsSpan(((blockRow * BlocksPerLine) + blockColumn) * 64, 64);
}

/// <summary>Frame header parameters (T.81 B.2.2) and the layout derived from them (A.1, A.2).</summary>
internal sealed class JpegFrame
{
    public JpegFrame(bool progressive, int width, int height, JpegComponent[] components)
    {
        Progressive = progressive;
        Width = width;
        Height = height;
        Components = components;

        foreach (JpegComponent c in components)
        {
            MaxHorizontalFactor = Math.Max(MaxHorizontalFactor, c.HorizontalFactor);
            MaxVerticalFactor = Math.Max(MaxVerticalFactor, c.VerticalFactor);
        }

        McusPerLine = DivideRoundingUp(width, 8 * MaxHorizontalFactor);
        McusPerColumn = DivideRoundingUp(height, 8 * MaxVerticalFactor);

        foreach (JpegComponent c in components)
        {
            c.Width = DivideRoundingUp(width * c.HorizontalFactor, MaxHorizontalFactor);
            c.Height = DivideRoundingUp(height * c.VerticalFactor, MaxVerticalFactor);
            c.WidthInBlocks = DivideRoundingUp(c.Width, 8);
            c.HeightInBlocks = DivideRoundingUp(c.Height, 8);
            c.BlocksPerLine = McusPerLine * c.HorizontalFactor;
            c.BlocksPerColumn = McusPerColumn * c.VerticalFactor;
        }
    }

    public bool Progressive { get; }

    public int Width { get; }

    public int Height { get; }

#pragma warning disable CA1819 // Properties should not return arrays: internal plain data holder.
    public JpegComponent[] Components { get; }
#pragma warning restore CA1819

    public int MaxHorizontalFactor { get; }

    public int MaxVerticalFactor { get; }

    /// <summary>MCUs per row of an interleaved scan.</summary>
    public int McusPerLine { get; }

    /// <summary>MCU rows of an interleaved scan.</summary>
    public int McusPerColumn { get; }

    public JpegComponent? FindComponent(int id)
    {
        foreach (JpegComponent c in Components)
        {
            if (c.Id == id)
            {
                return c;
            }
        }

        return null;
    }

    private static int DivideRoundingUp(int value, int divisor) => (value + divisor - 1) / divisor;
}

/// <summary>Scan header parameters (T.81 B.2.3).</summary>
internal sealed class JpegScan
{
    public JpegScan(JpegScanComponent[] components, int spectralStart, int spectralEnd, int approximationHigh, int approximationLow)
    {
        Components = components;
        SpectralStart = spectralStart;
        SpectralEnd = spectralEnd;
        ApproximationHigh = approximationHigh;
        ApproximationLow = approximationLow;
    }

#pragma warning disable CA1819 // Properties should not return arrays: internal plain data holder.
    public JpegScanComponent[] Components { get; }
#pragma warning restore CA1819

    /// <summary>Ss: first zig-zag index coded by the scan.</summary>
    public int SpectralStart { get; }

    /// <summary>Se: last zig-zag index coded by the scan.</summary>
    public int SpectralEnd { get; }

    /// <summary>Ah: point transform of the previous scan of this band (0 for a first scan).</summary>
    public int ApproximationHigh { get; }

    /// <summary>Al: point transform of this scan.</summary>
    public int ApproximationLow { get; }
}

/// <summary>A component of a scan and the Huffman tables it uses.</summary>
internal sealed class JpegScanComponent
{
    public JpegScanComponent(JpegComponent component, JpegHuffmanTable? dcTable, JpegHuffmanTable? acTable)
    {
        Component = component;
        DcTable = dcTable;
        AcTable = acTable;
    }

    public JpegComponent Component { get; }

    public JpegHuffmanTable? DcTable { get; }

    public JpegHuffmanTable? AcTable { get; }
}
