using BlazeFace.Cli.Imaging;

namespace BlazeFace.Cli.Tests.Imaging;

/// <summary>
/// Compares the decoder with Pillow (libjpeg-turbo: accurate integer IDCT, fancy upsampling) on the
/// fixtures made by TestData/jpeg/make_fixtures.py.
/// </summary>
/// <remarks>
/// Bounds: at most 1 per channel without chroma subsampling and 2 with it, and a mean absolute error
/// below 0.01 for every fixture. Measured when written (the decoder uses the same integer IDCT, triangle
/// upsampling and fixed-point colour conversion as libjpeg): 16 of the 20 fixtures identical to Pillow,
/// the other 4 (4:2:2, 4:1:1, 4:2:0 q95) max 1 with mean at most 0.0006.
/// </remarks>
public class JpegDecoderConformanceTests
{
    private const int MaxErrorFullResolution = 1;
    private const int MaxErrorSubsampled = 2;
    private const double MaxMeanError = 0.01;

    public static IEnumerable<TestCaseData> Fixtures()
    {
        // name, width, height, SOF marker, subsampled chroma
        yield return Fixture("gray_33x17_q75", 33, 17, 0xC0, false);
        yield return Fixture("gray_8x8_q90", 8, 8, 0xC0, false);
        yield return Fixture("ycc444_33x17_q95", 33, 17, 0xC0, false);
        yield return Fixture("ycc444_65x40_q50", 65, 40, 0xC0, false);
        yield return Fixture("ycc422_33x17_q75", 33, 17, 0xC0, true);
        yield return Fixture("ycc420_65x40_q50", 65, 40, 0xC0, true);
        yield return Fixture("ycc420_65x40_q95", 65, 40, 0xC0, true);
        yield return Fixture("ycc420_1x1_q75", 1, 1, 0xC0, true);
        yield return Fixture("ycc420_65x40_optimized", 65, 40, 0xC0, true);
        yield return Fixture("ycc411_65x40_q75", 65, 40, 0xC0, true);
        yield return Fixture("ycc440_33x17_q75", 33, 17, 0xC0, true);
        yield return Fixture("mixed_21_12_11_33x17", 33, 17, 0xC0, true);
        yield return Fixture("rgb_adobe_33x17_q90", 33, 17, 0xC0, false);
        yield return Fixture("restart_ycc420_65x40", 65, 40, 0xC0, true);
        yield return Fixture("multiscan_ycc420_65x40", 65, 40, 0xC0, true);
        yield return Fixture("sof1_ycc420_33x17_q5", 33, 17, 0xC1, true);
        yield return Fixture("progressive_gray_33x17_q90", 33, 17, 0xC2, false);
        yield return Fixture("progressive_ycc444_33x17_q95", 33, 17, 0xC2, false);
        yield return Fixture("progressive_ycc420_65x40_q75", 65, 40, 0xC2, true);
        yield return Fixture("restart_progressive_ycc420_65x40", 65, 40, 0xC2, true);
    }

    [TestCaseSource(nameof(Fixtures))]
    public void FixtureUsesTheCodingProcessItsNameClaims(string name, int width, int height, int sofMarker, bool subsampled)
    {
        byte[] file = JpegFixtures.Load(name);

        Assert.That(() => JpegFixtures.FindSegment(file, (byte)sofMarker), Throws.Nothing);
    }

    [TestCaseSource(nameof(Fixtures))]
    public void DecodedSizeMatchesTheFrameHeader(string name, int width, int height, int sofMarker, bool subsampled)
    {
        RgbImage image = JpegDecoder.Decode(JpegFixtures.Load(name));

        Assert.That((image.Width, image.Height, image.Pixels.Length), Is.EqualTo((width, height, width * height * 3)));
    }

    [TestCaseSource(nameof(Fixtures))]
    public void EveryChannelIsWithinTheStatedMaximumErrorOfPillow(string name, int width, int height, int sofMarker, bool subsampled)
    {
        RgbImage image = JpegDecoder.Decode(JpegFixtures.Load(name));

        (int max, _) = JpegFixtures.Difference(image.Pixels, JpegFixtures.LoadReference(name));

        Assert.That(max, Is.LessThanOrEqualTo(subsampled ? MaxErrorSubsampled : MaxErrorFullResolution));
    }

    [TestCaseSource(nameof(Fixtures))]
    public void MeanErrorAgainstPillowIsBelowOneHundredth(string name, int width, int height, int sofMarker, bool subsampled)
    {
        RgbImage image = JpegDecoder.Decode(JpegFixtures.Load(name));

        (_, double mean) = JpegFixtures.Difference(image.Pixels, JpegFixtures.LoadReference(name));

        Assert.That(mean, Is.LessThan(MaxMeanError));
    }

    [Test]
    public void GrayscaleIsReplicatedIntoAllThreeChannels()
    {
        byte[] pixels = JpegDecoder.Decode(JpegFixtures.Load("gray_33x17_q75")).Pixels;

        bool allGray = Enumerable.Range(0, pixels.Length / 3)
            .All(i => pixels[3 * i] == pixels[(3 * i) + 1] && pixels[3 * i] == pixels[(3 * i) + 2]);

        Assert.That(allGray, Is.True);
    }

    [Test]
    public void RestartMarkersDoNotChangeTheDecodedPixels()
    {
        // Same coefficients (Pillow and cjpeg at quality 75, 4:2:0), with and without restart intervals.
        byte[] withRestarts = JpegDecoder.Decode(JpegFixtures.Load("restart_progressive_ycc420_65x40")).Pixels;
        byte[] withoutRestarts = JpegDecoder.Decode(JpegFixtures.Load("progressive_ycc420_65x40_q75")).Pixels;

        Assert.That(withRestarts, Is.EqualTo(withoutRestarts));
    }

    [Test]
    public void ProgressiveAndSequentialCodingOfTheSameCoefficientsDecodeIdentically()
    {
        byte[] progressive = JpegDecoder.Decode(JpegFixtures.Load("restart_progressive_ycc420_65x40")).Pixels;
        byte[] sequential = JpegDecoder.Decode(JpegFixtures.Load("restart_ycc420_65x40")).Pixels;

        Assert.That(progressive, Is.EqualTo(sequential));
    }

    [Test]
    public void OneScanPerComponentDecodesLikeOneInterleavedScan()
    {
        // Both cjpeg at quality 75, 4:2:0: same coefficients, different scan structure.
        byte[] separateScans = JpegDecoder.Decode(JpegFixtures.Load("multiscan_ycc420_65x40")).Pixels;
        byte[] interleaved = JpegDecoder.Decode(JpegFixtures.Load("restart_ycc420_65x40")).Pixels;

        Assert.That(separateScans, Is.EqualTo(interleaved));
    }

    [Test]
    public void AdobeTransformFlagOneMakesTheSameDataDecodeAsYCbCr()
    {
        byte[] file = JpegFixtures.Load("rgb_adobe_33x17_q90");
        byte[] asRgb = JpegDecoder.Decode(file).Pixels;
        int app14 = JpegFixtures.FindSegment(file, 0xEE);
        file[app14 + 4 + 11] = 1; // transform flag: "Adobe", version, flags0, flags1, transform

        byte[] asYCbCr = JpegDecoder.Decode(file).Pixels;

        Assert.That(asYCbCr, Is.Not.EqualTo(asRgb));
    }

    [Test]
    public void SequentialImageWithoutEoiMarkerStillDecodesCompletely()
    {
        byte[] file = JpegFixtures.Load("ycc420_65x40_q50");
        byte[] complete = JpegDecoder.Decode(file).Pixels;

        byte[] withoutEoi = JpegDecoder.Decode(file.AsSpan(0, file.Length - 2)).Pixels;

        Assert.That(withoutEoi, Is.EqualTo(complete));
    }

    [Test]
    public void HandBuiltBlockWithOnlyAZeroDcDecodesToMidGray()
    {
        byte[] file = JpegTestStreams.Grayscale8x8("0 00"); // DC category 0, EOB

        RgbImage image = JpegDecoder.Decode(file);

        Assert.That(image.Pixels, Is.All.EqualTo(128));
    }

    private static TestCaseData Fixture(string name, int width, int height, int sofMarker, bool subsampled) =>
        new TestCaseData(name, width, height, sofMarker, subsampled).SetArgDisplayNames(name);
}
