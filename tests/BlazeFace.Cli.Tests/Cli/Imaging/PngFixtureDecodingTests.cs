using BlazeFace.Cli.Imaging;

namespace BlazeFace.Cli.Tests.Imaging;

/// <summary>
/// Reference PNGs written by independent encoders (see TestData/codecs/make_fixtures.py)
/// must decode to exactly the pixels recorded beside them.
/// </summary>
public class PngFixtureDecodingTests
{
    private static readonly string[] ColourTypesAndDepths =
        ["g1", "g2", "g4", "g8", "g16", "rgb8", "rgb16", "p1", "p2", "p4", "p8", "ga8", "ga16", "rgba8", "rgba16"];

    private static readonly string[] Sizes = ["13x7", "1x1", "3x2"];

    // n: not interlaced, i: Adam7.
    private static readonly string[] InterlaceMethods = ["n", "i"];

    private static IEnumerable<string> PngFixtures() => CodecFixtures.Names(".png");

    [TestCaseSource(nameof(PngFixtures))]
    public void ReferencePngDecodesToItsRecordedPixels(string name)
    {
        RgbImage image = PngDecoder.Decode(CodecFixtures.Read(name));

        Assert.That(image.Pixels, Is.EqualTo(CodecFixtures.ExpectedRgb(name)));
    }

    [Test]
    public void FixturesCoverEveryColourTypeBitDepthAndInterlaceMethod()
    {
        var expected = from kind in ColourTypesAndDepths
                       from size in Sizes
                       from interlace in InterlaceMethods
                       select $"png-{kind}-{size}-{interlace}.png";

        Assert.That(CodecFixtures.Names(".png"), Is.SupersetOf(expected));
    }

    [TestCase("png-rgb8-13x7-i.png", 13, 7)]
    [TestCase("png-g1-3x2-n.png", 3, 2)]
    [TestCase("pil-p2.png", 13, 7)]
    public void DecodedSizeIsTheHeaderSize(string name, int width, int height)
    {
        RgbImage image = PngDecoder.Decode(CodecFixtures.Read(name));

        Assert.That((image.Width, image.Height), Is.EqualTo((width, height)));
    }
}
