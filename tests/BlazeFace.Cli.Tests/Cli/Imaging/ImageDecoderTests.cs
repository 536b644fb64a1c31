using BlazeFace.Cli.Imaging;

namespace BlazeFace.Cli.Tests.Imaging;

public class ImageDecoderTests
{
    [TestCase("png-rgb8-13x7-n.png")]
    [TestCase("ppm-p6-255.ppm")]
    [TestCase("pgm-p2-65535.pgm")]
    public void FilesAreDecodedByTheDecoderTheirSignatureNames(string name)
    {
        RgbImage image = ImageDecoder.Decode(CodecFixtures.Read(name));

        Assert.That(image.Pixels, Is.EqualTo(CodecFixtures.ExpectedRgb(name)));
    }

    [Test]
    public void DecodeFileReadsTheFileAtThePath()
    {
        RgbImage image = ImageDecoder.DecodeFile(CodecFixtures.PathOf("png-rgba16-13x7-i.png"));

        Assert.That(image.Pixels, Is.EqualTo(CodecFixtures.ExpectedRgb("png-rgba16-13x7-i.png")));
    }

    [TestCase(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "Png")]
    [TestCase(new byte[] { 0x50, 0x36, 0x0A }, "Pnm")]
    [TestCase(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "Jpeg")]
    [TestCase(new byte[] { 0x47, 0x49, 0x46, 0x38 }, "Unknown")]
    [TestCase(new byte[0], "Unknown")]
    public void FormatIsRecognisedFromTheLeadingBytes(byte[] file, string expected) =>
        Assert.That(ImageDecoder.DetectFormat(file), Is.EqualTo(Enum.Parse<ImageFileFormat>(expected)));

    [Test]
    public void JpegGoesToTheJpegDecoder() =>
        AssertRejected([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "JPEG: ");

    [Test]
    public void UnknownSignatureIsReportedWithTheBytesFound() =>
        AssertRejected("GIF89a...."u8.ToArray(), "not a PNG, JPEG, PPM or PGM file (starts with 0x47 0x49 0x46 0x38 0x39 0x61 0x2E 0x2E)");

    [Test]
    public void EmptyFileIsReportedAsEmpty() =>
        AssertRejected([], "not a PNG, JPEG, PPM or PGM file (the file is empty)");

    [Test]
    public void FileCutInsideThePngSignatureIsReportedAsTruncatedPng() =>
        AssertRejected([0x89, 0x50, 0x4E], "truncated PNG");

    [Test]
    public void MissingFileRaisesFileNotFound() =>
        Assert.Throws<FileNotFoundException>(() => ImageDecoder.DecodeFile(CodecFixtures.PathOf("no-such-file.png")));

    private static void AssertRejected(byte[] file, string expectedMessagePart)
    {
        var exception = Assert.Throws<InvalidDataException>(() => ImageDecoder.Decode(file));
        Assert.That(exception!.Message, Does.Contain(expectedMessagePart));
    }
}
