using BlazeFace.Cli.Imaging;

namespace BlazeFace.Cli.Tests.Imaging;

/// <summary>
/// Reference PPM and PGM files (binary and plain, several maxvals, with header comments)
/// must decode to exactly the pixels recorded beside them.
/// </summary>
public class PnmFixtureDecodingTests
{
    private static IEnumerable<string> PnmFixtures() => CodecFixtures.Names(".ppm", ".pgm");

    [TestCaseSource(nameof(PnmFixtures))]
    public void ReferenceNetpbmFileDecodesToItsRecordedPixels(string name)
    {
        RgbImage image = PnmDecoder.Decode(CodecFixtures.Read(name));

        Assert.That((image.Width, image.Height), Is.EqualTo((13, 7)));
        Assert.That(image.Pixels, Is.EqualTo(CodecFixtures.ExpectedRgb(name)));
    }

    [Test]
    public void FixturesCoverBinaryAndPlainColourAndGrayAtEightAndSixteenBits()
    {
        string[] expected =
        [
            "ppm-p6-255.ppm", "ppm-p6-65535.ppm", "ppm-p3-255.ppm", "ppm-p3-65535.ppm",
            "pgm-p5-255.pgm", "pgm-p5-65535.pgm", "pgm-p2-255.pgm", "pgm-p2-65535.pgm",
        ];

        Assert.That(CodecFixtures.Names(".ppm", ".pgm"), Is.SupersetOf(expected));
    }

    [TestCase(15, 7, 119)]
    [TestCase(1000, 500, 128)]
    [TestCase(65535, 65535, 255)]
    [TestCase(65535, 32767, 127)]
    [TestCase(1, 1, 255)]
    public void SamplesAreRescaledToTheNearestEightBitValue(int maxValue, int sample, int expected)
    {
        byte[] data = maxValue > 255 ? [(byte)(sample >> 8), (byte)sample] : [(byte)sample];
        byte[] file = [.. System.Text.Encoding.ASCII.GetBytes($"P5 1 1 {maxValue}\n"), .. data];

        Assert.That(PnmDecoder.Decode(file).Pixels, Is.EqualTo(new[] { (byte)expected, (byte)expected, (byte)expected }));
    }

    [Test]
    public void CommentsMayAppearBetweenAnyHeaderFields()
    {
        byte[] file = [.. "P6#a\n#b\n1#c\n1\n#d\n255\n"u8, 10, 20, 30];

        Assert.That(PnmDecoder.Decode(file).Pixels, Is.EqualTo(new byte[] { 10, 20, 30 }));
    }

    [Test]
    public void BytesAfterTheRasterAreIgnored()
    {
        byte[] file = [.. "P6 1 1 255\n"u8, 10, 20, 30, .. "P6 1 1 255\n"u8];

        Assert.That(PnmDecoder.Decode(file).Pixels, Is.EqualTo(new byte[] { 10, 20, 30 }));
    }
}
