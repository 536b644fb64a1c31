using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using BlazeFace.Cli.Imaging;

namespace BlazeFace.Cli.Tests.Imaging;

/// <summary>
/// Assembles PNG files chunk by chunk for tests, with correct CRCs unless a test breaks
/// them on purpose, so each malformed-input test changes exactly one thing.
/// </summary>
internal static class PngTestFile
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Build(params byte[][] chunks) => [.. Signature, .. chunks.SelectMany(chunk => chunk)];

    public static byte[] Chunk(string type, byte[] data)
    {
        byte[] typeBytes = Encoding.ASCII.GetBytes(type);
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeBytes.CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32.Compute(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    public static byte[] Ihdr(uint width, uint height, byte bitDepth, byte colorType, byte interlace = 0)
    {
        var data = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(data, width);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(4), height);
        data[8] = bitDepth;
        data[9] = colorType;
        data[12] = interlace;
        return Chunk("IHDR", data);
    }

    public static byte[] Idat(byte[] scanlines) => Chunk("IDAT", Zlib(scanlines));

    public static byte[] Iend() => Chunk("IEND", []);

    public static byte[] Zlib(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(raw);
        }

        return output.ToArray();
    }

    /// <summary>
    /// Recomputes the CRC of every chunk whose length field still fits the file, so a
    /// corrupted file gets past CRC checking into the code behind it.
    /// </summary>
    public static void RepairCrcs(byte[] file)
    {
        int offset = Signature.Length;
        while (offset + 12 <= file.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset));
            if (length > (uint)(file.Length - offset - 12))
            {
                return;
            }

            int dataEnd = offset + 8 + (int)length;
            BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(dataEnd), Crc32.Compute(file.AsSpan(offset + 4, 4 + (int)length)));
            offset = dataEnd + 4;
        }
    }
}
