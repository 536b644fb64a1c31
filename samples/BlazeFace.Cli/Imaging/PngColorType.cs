namespace BlazeFace.Cli.Imaging;

/// <summary>The colour type byte of a PNG IHDR chunk.</summary>
internal enum PngColorType : byte
{
    Grayscale = 0,
    Rgb = 2,
    Indexed = 3,
    GrayscaleAlpha = 4,
    Rgba = 6,
}
