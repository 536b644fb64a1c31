using System.Buffers.Binary;
using System.IO.Compression;
using BlazeFace.Imaging;

namespace BlazeFace.Sample;

/// <summary>
/// A minimal PNG reader, just enough for this sample: 8-bit greyscale, RGB or RGBA, not interlaced (what most photos
/// saved as PNG are). The BlazeFace package takes pixels, not files; an application would use an image library.
/// </summary>
internal sealed record PngImage(byte[] Pixels, int Width, int Height, ImagePixelFormat Format)
{
    private static ReadOnlySpan<byte> Signature => [137, 80, 78, 71, 13, 10, 26, 10];

    public static PngImage Load(string path)
    {
        using FileStream file = File.OpenRead(path);
        Span<byte> header = stackalloc byte[8];
        file.ReadExactly(header);
        if (!header.SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG file");
        }

        // Chunks: length, type, data, CRC (not checked here). Collect IHDR's fields and the IDAT data.
        int width = 0, height = 0, channels = 0;
        ImagePixelFormat format = default;
        using var compressed = new MemoryStream();
        while (true)
        {
            file.ReadExactly(header);
            int length = BinaryPrimitives.ReadInt32BigEndian(header);
            string type = System.Text.Encoding.ASCII.GetString(header[4..]);
            byte[] data = length is >= 0 and <= 1 << 26 ? new byte[length] : throw new InvalidDataException("bad chunk length");
            file.ReadExactly(data);
            file.ReadExactly(header[..4]);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(4));
                (format, channels) = data[9] switch
                {
                    0 => (ImagePixelFormat.Gray8, 1),
                    2 => (ImagePixelFormat.Rgb24, 3),
                    6 => (ImagePixelFormat.Rgba32, 4),
                    _ => throw new InvalidDataException("only greyscale, RGB and RGBA PNGs are supported"),
                };
                if (data[8] != 8 || data[12] != 0 || width is <= 0 or > 16384 || height is <= 0 or > 16384)
                {
                    throw new InvalidDataException("only 8-bit, non-interlaced PNGs up to 16384x16384 are supported");
                }
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }
        }

        if (channels == 0)
        {
            throw new InvalidDataException("no IHDR chunk");
        }

        // Each row is a filter type byte and the filtered bytes; undo the filter against the row above.
        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        int stride = width * channels;
        byte[] pixels = new byte[stride * height];
        byte[] filtered = new byte[stride + 1];
        ReadOnlySpan<byte> above = new byte[stride];
        for (int y = 0; y < height; y++)
        {
            inflater.ReadExactly(filtered);
            Span<byte> row = pixels.AsSpan(y * stride, stride);
            for (int i = 0; i < stride; i++)
            {
                int left = i >= channels ? row[i - channels] : 0;
                int up = above[i];
                int upLeft = i >= channels ? above[i - channels] : 0;
                int prediction = filtered[0] switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException("bad row filter"),
                };
                row[i] = (byte)(filtered[i + 1] + prediction);
            }

            above = row;
        }

        return new PngImage(pixels, width, height, format);
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        int estimate = left + up - upLeft;
        int toLeft = Math.Abs(estimate - left), toUp = Math.Abs(estimate - up), toUpLeft = Math.Abs(estimate - upLeft);
        return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    }
}
