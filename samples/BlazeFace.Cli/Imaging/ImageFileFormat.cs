namespace BlazeFace.Cli.Imaging;

/// <summary>The file formats <see cref="ImageDecoder"/> recognises by their first bytes.</summary>
internal enum ImageFileFormat
{
    Unknown,
    Png,

    /// <summary>Netpbm: PPM (P3/P6) and PGM (P2/P5); other P-numbers are reported by the PNM decoder.</summary>
    Pnm,
    Jpeg,
}
