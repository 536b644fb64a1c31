namespace BlazeFace.Cli.Imaging.Jpeg;

/// <summary>Tables and settings collected from the marker segments seen so far.</summary>
internal sealed class JpegDecoderState
{
    private readonly ushort[]?[] _quantizationTables = new ushort[]?[4];
    private readonly JpegHuffmanTable?[] _dcTables = new JpegHuffmanTable?[4];
    private readonly JpegHuffmanTable?[] _acTables = new JpegHuffmanTable?[4];

    public JpegFrame? Frame { get; set; }

    /// <summary>Ri from the last DRI segment: MCUs per restart interval, 0 when restart is disabled.</summary>
    public int RestartInterval { get; set; }

    public bool SawJfif { get; set; }

    /// <summary>The transform flag of an Adobe APP14 segment, or null when there was none.</summary>
    public int? AdobeTransform { get; set; }

    public ushort[]? GetQuantizationTable(int id) => _quantizationTables[id];

    public void SetQuantizationTable(int id, ushort[] table) => _quantizationTables[id] = table;

    public JpegHuffmanTable? GetHuffmanTable(bool dc, int id) => dc ? _dcTables[id] : _acTables[id];

    public void SetHuffmanTable(bool dc, int id, JpegHuffmanTable table)
    {
        if (dc)
        {
            _dcTables[id] = table;
        }
        else
        {
            _acTables[id] = table;
        }
    }
}
