using System.Buffers.Binary;

namespace BlazeFace.Cli.Imaging;

/// <summary>
/// The contents of a PNG IHDR chunk: image size and pixel format, validated when parsed.
/// </summary>
internal readonly record struct PngHeader(int Width, int Height, int BitDepth, PngColorType ColorType, bool Interlaced)
{
    private const int ChunkLength = 13;

    /// <summary>Samples per pixel: 1 for gray and palette indexes, up to 4 for RGBA.</summary>
    public int Channels => ColorType switch
    {
        PngColorType.Rgb => 3,
        PngColorType.GrayscaleAlpha => 2,
        PngColorType.Rgba => 4,
        _ => 1,
    };

    public int BitsPerPixel => Channels * BitDepth;

    /// <summary>
    /// Distance in bytes between a byte and the matching byte of the pixel to its left,
    /// as the PNG filters define it: pixels narrower than a byte count as one byte.
    /// </summary>
    public int FilterStride => Math.Max(1, BitsPerPixel / 8);

    /// <summary>Bytes in one scanline of <paramref name="columns"/> pixels, without the filter byte.</summary>
    public int ScanlineBytes(int columns) => checked((int)(((long)columns * BitsPerPixel + 7) / 8));

    /// <summary>Parses and validates the IHDR chunk data.</summary>
    /// <exception cref="InvalidDataException">The header is malformed or describes an unsupported or oversized image.</exception>
    public static PngHeader Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length != ChunkLength)
        {
            throw new InvalidDataException($"PNG: IHDR length {data.Length} is not {ChunkLength}");
        }

        uint width = BinaryPrimitives.ReadUInt32BigEndian(data);
        uint height = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        ImageSizeLimits.Validate("PNG", width, height);

        int bitDepth = data[8];
        var colorType = (PngColorType)data[9];
        if (!Enum.IsDefined(colorType))
        {
            throw new InvalidDataException($"PNG: unknown colour type {data[9]}");
        }

        if (!IsAllowedBitDepth(colorType, bitDepth))
        {
            throw new InvalidDataException($"PNG: bit depth {bitDepth} is not allowed for colour type {data[9]}");
        }

        if (data[10] != 0)
        {
            throw new InvalidDataException($"PNG: unknown compression method {data[10]}");
        }

        if (data[11] != 0)
        {
            throw new InvalidDataException($"PNG: unknown filter method {data[11]}");
        }

        if (data[12] > 1)
        {
            throw new InvalidDataException($"PNG: unknown interlace method {data[12]}");
        }

        return new PngHeader((int)width, (int)height, bitDepth, colorType, data[12] == 1);
    }

    private static bool IsAllowedBitDepth(PngColorType colorType, int bitDepth) => colorType switch
    {
        PngColorType.Grayscale => bitDepth is 1 or 2 or 4 or 8 or 16,
        PngColorType.Indexed => bitDepth is 1 or 2 or 4 or 8,
        _ => bitDepth is 8 or 16,
    };
}
