using BlazeFace.Cli.Imaging;

namespace BlazeFace.Cli.Tests.Imaging;

/// <summary>Each kind of broken PNG is rejected with an InvalidDataException naming the problem.</summary>
public class PngMalformedInputTests
{
    // A valid 2x2 8-bit gray image: two scanlines, filter byte 0 then two samples.
    private static readonly byte[] TwoByTwoGrayScanlines = [0, 10, 20, 0, 30, 40];

    private static byte[] ValidTwoByTwoGray() =>
        PngTestFile.Build(PngTestFile.Ihdr(2, 2, 8, 0), PngTestFile.Idat(TwoByTwoGrayScanlines), PngTestFile.Iend());

    [Test]
    public void TheHandBuiltReferenceFileIsValid() =>
        Assert.That(PngDecoder.Decode(ValidTwoByTwoGray()).Pixels, Is.EqualTo(new byte[] { 10, 10, 10, 20, 20, 20, 30, 30, 30, 40, 40, 40 }));

    [Test]
    public void EmptyInputIsReportedAsTruncated() => AssertRejected([], "truncated PNG");

    [Test]
    public void WrongSignatureIsReported() => AssertRejected("GIF89a\0\0\0\0\0\0"u8.ToArray(), "PNG: bad signature (starts with 0x47 0x49");

    [Test]
    public void EveryTruncationOfAValidFileIsReportedAsTruncated() => AssertEveryTruncationReported(ValidTwoByTwoGray());

    [TestCase("png-rgb16-13x7-i.png")]
    [TestCase("pil-p4.png")]
    public void EveryTruncationOfAReferenceFileIsReportedAsTruncated(string name) =>
        AssertEveryTruncationReported(CodecFixtures.Read(name));

    [Test]
    public void CrcMismatchNamesTheChunkAndItsOffset()
    {
        byte[] file = ValidTwoByTwoGray();
        file[8 + 25 + 8] ^= 0x01; // first data byte of the IDAT chunk that follows the 25-byte IHDR chunk

        AssertRejected(file, "PNG: CRC mismatch in chunk IDAT at offset 0x21");
    }

    [Test]
    public void FileNotStartingWithIhdrIsRejected() =>
        AssertRejected(PngTestFile.Build(PngTestFile.Chunk("gAMA", [0, 0, 0, 1]), PngTestFile.Iend()), "PNG: IHDR missing");

    [Test]
    public void ZeroWidthIsRejected() => AssertRejected(WithHeader(0, 2, 8, 0), "PNG: width 0 out of range");

    [Test]
    public void ZeroHeightIsRejected() => AssertRejected(WithHeader(2, 0, 8, 0), "PNG: height 0 out of range");

    [Test]
    public void SideLongerThanTwoToThe24IsRejected() => AssertRejected(WithHeader((1u << 24) + 1, 1, 8, 0), "PNG: width 16777217 out of range");

    [Test]
    public void ImageAboveOneHundredMegapixelsIsRejectedBeforeDecoding() =>
        AssertRejected(WithHeader(12000, 12000, 8, 2), "PNG: 12000x12000 image exceeds the 100-megapixel limit");

    [TestCase((byte)16, (byte)3)]
    [TestCase((byte)4, (byte)2)]
    [TestCase((byte)1, (byte)6)]
    [TestCase((byte)3, (byte)0)]
    public void BitDepthNotAllowedForTheColourTypeIsRejected(byte bitDepth, byte colorType) =>
        AssertRejected(WithHeader(2, 2, bitDepth, colorType), $"PNG: bit depth {bitDepth} is not allowed for colour type {colorType}");

    [Test]
    public void UnknownColourTypeIsRejected() => AssertRejected(WithHeader(2, 2, 8, 5), "PNG: unknown colour type 5");

    [Test]
    public void UnknownInterlaceMethodIsRejected() =>
        AssertRejected(PngTestFile.Build(PngTestFile.Ihdr(2, 2, 8, 0, interlace: 2), PngTestFile.Idat(TwoByTwoGrayScanlines), PngTestFile.Iend()), "PNG: unknown interlace method 2");

    [Test]
    public void FilterTypeAboveFourIsRejected() =>
        AssertRejected(PngTestFile.Build(PngTestFile.Ihdr(2, 2, 8, 0), PngTestFile.Idat([0, 10, 20, 5, 30, 40]), PngTestFile.Iend()), "PNG: invalid filter type 5 on row 1");

    [Test]
    public void PaletteIndexWithoutAPaletteEntryIsRejected()
    {
        byte[] file = PngTestFile.Build(
            PngTestFile.Ihdr(2, 1, 8, 3),
            PngTestFile.Chunk("PLTE", [1, 2, 3, 4, 5, 6]),
            PngTestFile.Idat([0, 1, 2]),
            PngTestFile.Iend());

        AssertRejected(file, "PNG: palette index 2 out of range (PLTE has 2 entries) at pixel (1, 0)");
    }

    [Test]
    public void IndexedImageWithoutPaletteIsRejected() =>
        AssertRejected(PngTestFile.Build(PngTestFile.Ihdr(2, 1, 8, 3), PngTestFile.Idat([0, 0, 0]), PngTestFile.Iend()), "PNG: PLTE missing");

    [Test]
    public void PaletteLengthNotAMultipleOfThreeIsRejected() =>
        AssertRejected(PngTestFile.Build(PngTestFile.Ihdr(2, 1, 8, 3), PngTestFile.Chunk("PLTE", [1, 2, 3, 4]), PngTestFile.Idat([0, 0, 0]), PngTestFile.Iend()), "PNG: PLTE length 4");

    [Test]
    public void PaletteInAGrayscaleImageIsRejected() =>
        AssertRejected(Insert(PngTestFile.Chunk("PLTE", [1, 2, 3])), "PNG: PLTE chunk not allowed for colour type 0");

    [Test]
    public void PaletteAfterImageDataIsRejected() =>
        AssertRejected(PngTestFile.Build(PngTestFile.Ihdr(2, 1, 8, 3), PngTestFile.Idat([0, 0, 0]), PngTestFile.Chunk("PLTE", [1, 2, 3]), PngTestFile.Iend()), "PNG: PLTE chunk after IDAT");

    [Test]
    public void InterlacedImageDataThatEndsEarlyCountsRowsOfEveryPass() =>
        AssertRejected(PngTestFile.Build(PngTestFile.Ihdr(8, 8, 8, 0, interlace: 1), PngTestFile.Idat([0, 1, 0, 2]), PngTestFile.Iend()), "truncated PNG: IDAT data ends after 2 of 15 rows (counting the rows of every Adam7 pass)");

    [Test]
    public void UnknownCriticalChunkIsRejected() =>
        AssertRejected(Insert(PngTestFile.Chunk("ABCD", [1, 2, 3])), "PNG: unknown critical chunk ABCD");

    [Test]
    public void UnknownAncillaryChunkIsSkipped() =>
        Assert.That(PngDecoder.Decode(Insert(PngTestFile.Chunk("abCD", [1, 2, 3]))).Pixels[9], Is.EqualTo(40));

    [Test]
    public void ChunkTypeWithNonLettersIsRejected() =>
        AssertRejected(Insert(PngTestFile.Chunk("ab1D", [])), "PNG: invalid chunk type 0x61623144");

    [Test]
    public void MissingIendIsReportedAsTruncated() =>
        AssertRejected(PngTestFile.Build(PngTestFile.Ihdr(2, 2, 8, 0), PngTestFile.Idat(TwoByTwoGrayScanlines)), "before the IEND chunk");

    [Test]
    public void BytesAfterIendAreIgnored() =>
        Assert.That(PngDecoder.Decode([.. ValidTwoByTwoGray(), 1, 2, 3]).Pixels[0], Is.EqualTo(10));

    [Test]
    public void ImageWithoutIdatIsRejected() =>
        AssertRejected(PngTestFile.Build(PngTestFile.Ihdr(2, 2, 8, 0), PngTestFile.Iend()), "PNG: no IDAT data");

    [Test]
    public void IdatChunksSeparatedByAnotherChunkAreRejected()
    {
        byte[] compressed = PngTestFile.Zlib(TwoByTwoGrayScanlines);
        byte[] file = PngTestFile.Build(
            PngTestFile.Ihdr(2, 2, 8, 0),
            PngTestFile.Chunk("IDAT", compressed[..4]),
            PngTestFile.Chunk("tEXt", [(byte)'a', 0]),
            PngTestFile.Chunk("IDAT", compressed[4..]),
            PngTestFile.Iend());

        AssertRejected(file, "is not consecutive");
    }

    [Test]
    public void ImageDataSplitOverManyIdatChunksDecodes()
    {
        byte[] compressed = PngTestFile.Zlib(TwoByTwoGrayScanlines);
        byte[][] idats = [.. compressed.Select(value => PngTestFile.Chunk("IDAT", [value]))];
        byte[] file = PngTestFile.Build([PngTestFile.Ihdr(2, 2, 8, 0), .. idats, PngTestFile.Iend()]);

        Assert.That(PngDecoder.Decode(file).Pixels[9], Is.EqualTo(40));
    }

    [Test]
    public void ImageDataThatEndsEarlyReportsHowManyRowsArrived() =>
        AssertRejected(PngTestFile.Build(PngTestFile.Ihdr(2, 7, 8, 0), PngTestFile.Idat([0, 1, 2, 0, 3, 4]), PngTestFile.Iend()), "truncated PNG: IDAT data ends after 2 of 7 rows");

    [Test]
    public void ImageDataBeyondTheDeclaredSizeIsIgnored()
    {
        byte[] scanlines = [.. TwoByTwoGrayScanlines, .. new byte[100_000]];

        byte[] file = PngTestFile.Build(PngTestFile.Ihdr(2, 2, 8, 0), PngTestFile.Idat(scanlines), PngTestFile.Iend());

        Assert.That(PngDecoder.Decode(file).Pixels, Has.Length.EqualTo(12));
    }

    [Test]
    public void CorruptZlibStreamIsRejected() =>
        AssertRejected(PngTestFile.Build(PngTestFile.Ihdr(2, 2, 8, 0), PngTestFile.Chunk("IDAT", [0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0xFF]), PngTestFile.Iend()), "PNG: corrupt zlib data");

    [Test]
    public void DeclaredSizeFarBeyondWhatTheDataCanInflateToIsRejectedUpFront() =>
        AssertRejected(WithHeader(10_000, 10_000, 8, 6), "cannot hold the 400010000 bytes a 10000x10000 image needs");

    [Test]
    public void SecondIhdrIsRejected() =>
        AssertRejected(Insert(PngTestFile.Ihdr(2, 2, 8, 0)), "PNG: second IHDR chunk");

    [Test]
    public void ChunkLengthAboveTwoToThe31IsRejected() =>
        AssertRejected([.. PngTestFile.Signature, .. PngTestFile.Ihdr(2, 2, 8, 0), 0x80, 0, 0, 0, .. "IDAT"u8], "declares length 2147483648");

    private static byte[] WithHeader(uint width, uint height, byte bitDepth, byte colorType) =>
        PngTestFile.Build(PngTestFile.Ihdr(width, height, bitDepth, colorType), PngTestFile.Idat(TwoByTwoGrayScanlines), PngTestFile.Iend());

    // The valid 2x2 file with an extra chunk between IHDR and IDAT.
    private static byte[] Insert(byte[] chunk) =>
        PngTestFile.Build(PngTestFile.Ihdr(2, 2, 8, 0), chunk, PngTestFile.Idat(TwoByTwoGrayScanlines), PngTestFile.Iend());

    private static void AssertEveryTruncationReported(byte[] file)
    {
        for (int length = 0; length < file.Length; length++)
        {
            var exception = Assert.Throws<InvalidDataException>(() => PngDecoder.Decode(file.AsSpan(0, length)), $"length {length}");
            Assert.That(exception!.Message, Does.StartWith("truncated PNG"), $"length {length}");
        }
    }

    private static void AssertRejected(byte[] file, string expectedMessagePart)
    {
        var exception = Assert.Throws<InvalidDataException>(() => PngDecoder.Decode(file));
        Assert.That(exception!.Message, Does.Contain(expectedMessagePart));
    }
}
