using System.Buffers.Binary;
using System.IO.Compression;

namespace BlazeFace.Cli.Imaging;

/// <summary>
/// Writes <see cref="RgbImage"/>s as 8-bit RGB, non-interlaced PNG files.
/// </summary>
/// <remarks>
/// Each scanline gets the filter whose output has the smallest sum of absolute values
/// (bytes read as signed), the heuristic the PNG specification recommends; it keeps
/// smooth photographs compact without trying every filter through the compressor.
/// </remarks>
internal static class PngEncoder
{
    // Splitting IDAT keeps any one chunk (and a reader's buffer for it) modest.
    private const int MaxIdatChunkLength = 1 << 16;
    private const byte BitDepth = 8;

    /// <summary>Encodes <paramref name="image"/> as a complete PNG file.</summary>
    public static byte[] Encode(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var output = new MemoryStream();
        output.Write(PngSignature.Bytes);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], image.Height);
        header[8] = BitDepth;
        header[9] = (byte)PngColorType.Rgb;
        header[10] = 0; // compression method: zlib
        header[11] = 0; // filter method: the five adaptive filters
        header[12] = 0; // no interlacing
        WriteChunk(output, "IHDR"u8, header);

        ReadOnlySpan<byte> compressed = CompressScanlines(image);
        do
        {
            int length = Math.Min(compressed.Length, MaxIdatChunkLength);
            WriteChunk(output, "IDAT"u8, compressed[..length]);
            compressed = compressed[length..];
        }
        while (!compressed.IsEmpty);

        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    /// <summary>Encodes <paramref name="image"/> and writes it to <paramref name="path"/>, replacing any existing file.</summary>
    public static void EncodeToFile(RgbImage image, string path) => File.WriteAllBytes(path, Encode(image));

    private static byte[] CompressScanlines(RgbImage image)
    {
        int rowLength = image.Width * 3;
        const int stride = 3;
        var previous = new byte[rowLength];
        var candidates = new byte[5][];
        for (int i = 0; i < candidates.Length; i++)
        {
            candidates[i] = new byte[rowLength];
        }

        using var compressed = new MemoryStream();
        using (var deflater = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (int y = 0; y < image.Height; y++)
            {
                ReadOnlySpan<byte> row = image.Pixels.AsSpan(y * rowLength, rowLength);
                PngFilterType best = PngFilterType.None;
                long bestCost = long.MaxValue;
                for (var type = PngFilterType.None; type <= PngFilterType.Paeth; type++)
                {
                    PngRowFilter.Apply(type, row, previous, stride, candidates[(int)type]);
                    long cost = SumOfAbsoluteValues(candidates[(int)type]);
                    if (cost < bestCost)
                    {
                        (best, bestCost) = (type, cost);
                    }
                }

                deflater.WriteByte((byte)best);
                deflater.Write(candidates[(int)best]);
                row.CopyTo(previous);
            }
        }

        return compressed.ToArray();
    }

    private static long SumOfAbsoluteValues(ReadOnlySpan<byte> filtered)
    {
        long sum = 0;
        foreach (byte value in filtered)
        {
            sum += Math.Abs((int)(sbyte)value);
        }

        return sum;
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> field = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(field, data.Length);
        output.Write(field);
        output.Write(type);
        output.Write(data);
        uint crc = Crc32.Finish(Crc32.Append(Crc32.Append(Crc32.InitialState, type), data));
        BinaryPrimitives.WriteUInt32BigEndian(field, crc);
        output.Write(field);
    }
}
