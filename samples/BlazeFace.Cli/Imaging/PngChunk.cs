namespace BlazeFace.Cli.Imaging;

/// <summary>One CRC-checked chunk of a PNG file, viewed in place in the file bytes.</summary>
internal readonly ref struct PngChunk
{
    public PngChunk(string type, ReadOnlySpan<byte> data, int offset)
    {
        Type = type;
        Data = data;
        Offset = offset;
    }

    /// <summary>The four-letter chunk type, e.g. "IDAT".</summary>
    public string Type { get; }

    public ReadOnlySpan<byte> Data { get; }

    /// <summary>File offset of the chunk's length field, for error messages.</summary>
    public int Offset { get; }

    /// <summary>
    /// Critical chunks (upper-case first letter) must be understood to decode the image;
    /// ancillary ones may be skipped.
    /// </summary>
    public bool IsCritical => char.IsAsciiLetterUpper(Type[0]);
}
