using System.Buffers.Binary;
using System.IO.Compression;
using BlazeFace.Cli.Imaging;

namespace BlazeFace.Cli.Tests.Imaging;

public class PngEncoderTests
{
    [TestCase(1, 1)]
    [TestCase(1, 1000)]
    [TestCase(1000, 1)]
    [TestCase(3, 7)]
    [TestCase(257, 13)]
    public void RandomImageSurvivesEncodeAndDecodeUnchanged(int width, int height)
    {
        RgbImage original = RandomImage(width, height, seed: width * 31 + height);

        RgbImage decoded = PngDecoder.Decode(PngEncoder.Encode(original));

        Assert.That((decoded.Width, decoded.Height), Is.EqualTo((width, height)));
        Assert.That(decoded.Pixels, Is.EqualTo(original.Pixels));
    }

    [Test]
    public void SmoothGradientSurvivesEncodeAndDecodeUnchanged()
    {
        RgbImage original = Gradient(64, 48);

        RgbImage decoded = PngDecoder.Decode(PngEncoder.Encode(original));

        Assert.That(decoded.Pixels, Is.EqualTo(original.Pixels));
    }

    [Test]
    public void SmoothGradientRowsUsePredictingFiltersRatherThanNone()
    {
        byte[] scanlines = InflateImageData(PngEncoder.Encode(Gradient(64, 48)), rowLength: 1 + (64 * 3), rows: 48);

        var filterTypes = Enumerable.Range(0, 48).Select(row => scanlines[row * (1 + (64 * 3))]).ToArray();

        Assert.That(filterTypes, Has.None.EqualTo((byte)0));
    }

    [Test]
    public void HeaderDeclaresEightBitRgbWithoutInterlacing()
    {
        byte[] png = PngEncoder.Encode(RandomImage(5, 9, seed: 1));

        Assert.That(png.AsSpan(0, 8).ToArray(), Is.EqualTo(PngTestFile.Signature));
        Assert.That(png.AsSpan(12, 4).ToArray(), Is.EqualTo("IHDR"u8.ToArray()));
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), Is.EqualTo(5));
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), Is.EqualTo(9));
        Assert.That(png.AsSpan(24, 5).ToArray(), Is.EqualTo(new byte[] { 8, 2, 0, 0, 0 }));
    }

    [Test]
    public void FileEndsWithTheStandardIendChunk()
    {
        byte[] png = PngEncoder.Encode(RandomImage(2, 2, seed: 2));

        byte[] iend = [0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];
        Assert.That(png[^12..], Is.EqualTo(iend));
    }

    [Test]
    public void LargeImageDataIsSplitOverSeveralIdatChunks()
    {
        RgbImage original = RandomImage(300, 300, seed: 3);

        byte[] png = PngEncoder.Encode(original);

        Assert.That(ChunkTypes(png).Count(type => type == "IDAT"), Is.GreaterThan(1));
        Assert.That(PngDecoder.Decode(png).Pixels, Is.EqualTo(original.Pixels));
    }

    [Test]
    public void EncodeToFileWritesTheSameBytesAsEncode()
    {
        RgbImage image = RandomImage(17, 4, seed: 4);
        string path = Path.Combine(Path.GetTempPath(), $"blazeface-encoder-{Guid.NewGuid():N}.png");
        try
        {
            PngEncoder.EncodeToFile(image, path);

            Assert.That(File.ReadAllBytes(path), Is.EqualTo(PngEncoder.Encode(image)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static RgbImage RandomImage(int width, int height, int seed)
    {
        var image = new RgbImage(width, height);
        new Random(seed).NextBytes(image.Pixels);
        return image;
    }

    private static RgbImage Gradient(int width, int height)
    {
        var image = new RgbImage(width, height);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int offset = ((y * width) + x) * 3;
                image.Pixels[offset] = (byte)(x * 3);
                image.Pixels[offset + 1] = (byte)(y * 5);
                image.Pixels[offset + 2] = (byte)(x + y);
            }
        }

        return image;
    }

    private static List<string> ChunkTypes(byte[] png)
    {
        var types = new List<string>();
        for (int offset = 8; offset < png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            types.Add(System.Text.Encoding.ASCII.GetString(png, offset + 4, 4));
            offset += 12 + length;
        }

        return types;
    }

    private static byte[] InflateImageData(byte[] png, int rowLength, int rows)
    {
        using var compressed = new MemoryStream();
        for (int offset = 8; offset < png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            if (png.AsSpan(offset + 4, 4).SequenceEqual("IDAT"u8))
            {
                compressed.Write(png, offset + 8, length);
            }

            offset += 12 + length;
        }

        compressed.Position = 0;
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        var scanlines = new byte[rowLength * rows];
        zlib.ReadExactly(scanlines);
        return scanlines;
    }
}
