using System.Text;
using BlazeFace.Cli.Imaging;

namespace BlazeFace.Cli.Tests.Imaging;

/// <summary>Each kind of broken PPM or PGM file is rejected with an InvalidDataException naming the problem.</summary>
public class PnmMalformedInputTests
{
    [Test]
    public void MaxvalZeroIsRejected() => AssertRejected("P6 1 1 0\n\0\0\0", "PPM: maxval 0 out of range");

    [Test]
    public void MaxvalAbove65535IsRejected() => AssertRejected("P5 1 1 70000\n\0\0", "PGM: maxval 70000 out of range");

    [Test]
    public void HeaderDeclaringAHugeImageIsRejectedBeforeReadingPixels() =>
        AssertRejected("P6 100000 100000 255\n", "PPM: 100000x100000 image exceeds the 100-megapixel limit");

    [Test]
    public void AbsurdlyLongNumberIsRejectedAsOutOfRange() =>
        AssertRejected("P6 99999999999999999999999999 1 255\n", "PPM: width 9223372036854775807 out of range");

    [Test]
    public void ZeroWidthIsRejected() => AssertRejected("P5 0 1 255\n", "PGM: width 0 out of range");

    [Test]
    public void BinaryPixelDataThatEndsEarlyReportsHowManyRowsArrived() =>
        AssertRejected("P6 2 3 255\n" + new string('x', 14), "truncated PPM: pixel data ends after 2 of 3 rows");

    [Test]
    public void SixteenBitPixelDataThatEndsEarlyIsTruncated() =>
        AssertRejected("P5 2 2 65535\n" + new string('x', 7), "truncated PGM: pixel data ends after 1 of 2 rows");

    [Test]
    public void PlainPixelDataThatEndsEarlyReportsHowManyRowsArrived() =>
        AssertRejected("P2 2 3 255\n10 20\n30 40\n50", "truncated PGM: pixel data ends after 2 of 3 rows");

    [Test]
    public void PlainPixelDataTooShortForTheDeclaredSizeIsRejectedBeforeAllocating() =>
        AssertRejected("P3 5000 5000 255\n1 2 3\n", "truncated PPM: 6 bytes of text cannot hold 75000000 samples");

    [Test]
    public void FileEndingInsideTheHeaderIsTruncated() => AssertRejected("P6 12 ", "truncated PPM: header ends before the height");

    [Test]
    public void FileEndingRightAfterMaxvalIsTruncated() => AssertRejected("P6 1 1 255", "truncated PPM: file ends after the header");

    [Test]
    public void NonNumericHeaderFieldIsRejected() => AssertRejected("P6 1 x 255\n", "PPM: expected the height at offset 0x5");

    [Test]
    public void MissingWhitespaceAfterMaxvalIsRejected() => AssertRejected("P6 1 1 255#\0\0\0", "PPM: expected whitespace after maxval");

    [Test]
    public void BinarySampleAboveMaxvalIsRejected() => AssertRejected("P5 2 1 100\n\x05\xC8", "PGM: sample 200 exceeds maxval 100 at pixel (1, 0)");

    [Test]
    public void PlainSampleAboveMaxvalIsRejected() => AssertRejected("P3 1 1 15\n1 2 16\n", "PPM: sample 16 exceeds maxval 15 at pixel (0, 0)");

    [Test]
    public void NonNumericPlainSampleIsRejected() => AssertRejected("P2 2 1 255\n1 z\n", "PGM: unexpected byte 0x7A in pixel data");

    [TestCase("ppm-p6-255.ppm")]
    [TestCase("pgm-p5-65535.pgm")]
    public void EveryTruncationOfABinaryReferenceFileIsReportedAsTruncated(string name)
    {
        byte[] file = CodecFixtures.Read(name);
        for (int length = 0; length < file.Length; length++)
        {
            var exception = Assert.Throws<InvalidDataException>(() => PnmDecoder.Decode(file.AsSpan(0, length)), $"length {length}");
            Assert.That(exception!.Message, Does.StartWith("truncated"), $"length {length}");
        }
    }

    [TestCase("P4 1 1\n\0", "PNM: P4 (PBM bitmap) is not supported")]
    [TestCase("P1 1 1\n0", "PNM: P1 (PBM bitmap) is not supported")]
    [TestCase("P7\nWIDTH 1\n", "PNM: P7 (PAM) is not supported")]
    [TestCase("P9 1 1 255\n", "PNM: unknown magic number P9")]
    public void OtherNetpbmVariantsAreRejectedByName(string file, string message) => AssertRejected(file, message);

    private static void AssertRejected(string file, string expectedMessagePart)
    {
        byte[] bytes = Encoding.Latin1.GetBytes(file);
        var exception = Assert.Throws<InvalidDataException>(() => PnmDecoder.Decode(bytes));
        Assert.That(exception!.Message, Does.Contain(expectedMessagePart));
    }
}
