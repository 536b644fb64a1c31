using BlazeFace.Cli.Imaging;
using NUnit.Framework.Constraints;

namespace BlazeFace.Cli.Tests.Imaging;

/// <summary>
/// Malformed and unsupported inputs are rejected with an <see cref="InvalidDataException"/> whose message
/// starts with "JPEG: " and names the problem.
/// </summary>
public class JpegDecoderMalformedInputTests
{
    private const string Baseline = "ycc420_65x40_q50";
    private const string Progressive = "progressive_ycc420_65x40_q75";
    private const string Restart = "restart_ycc420_65x40";

    [Test]
    public void ErrorMessagesStartWithTheFormatName()
    {
        byte[] file = JpegFixtures.Load(Baseline);
        file[JpegFixtures.FindSegment(file, 0xC0) + 1] = 0xC9;

        Assert.That(() => JpegDecoder.Decode(file), Throws.InstanceOf<InvalidDataException>().With.Message.StartsWith("JPEG: "));
    }

    [Test]
    public void EmptyInputIsRejected()
    {
        Assert.That(() => JpegDecoder.Decode([]), ThrowsFormatError("SOI"));
    }

    [Test]
    public void DataWithoutSoiMarkerIsRejected()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

        Assert.That(() => JpegDecoder.Decode(png), ThrowsFormatError("SOI"));
    }

    [Test]
    public void JustAnSoiMarkerIsRejectedAsTruncated()
    {
        Assert.That(() => JpegDecoder.Decode([0xFF, 0xD8]), ThrowsFormatError("Truncated"));
    }

    [TestCase(Baseline)]
    [TestCase(Restart)]
    [TestCase("gray_33x17_q75")]
    [TestCase("multiscan_ycc420_65x40")]
    public void SequentialFileCutAnywhereBeforeTheEndOfItsScanDataIsRejected(string name)
    {
        byte[] file = JpegFixtures.Load(name);

        // file.Length - 2 only drops the EOI marker, which sequential images may lack.
        AssertEveryPrefixIsRejected(file, file.Length - 2);
    }

    [TestCase(Progressive)]
    [TestCase("restart_progressive_ycc420_65x40")]
    public void ProgressiveFileCutAnywhereIsRejected(string name)
    {
        byte[] file = JpegFixtures.Load(name);

        AssertEveryPrefixIsRejected(file, file.Length);
    }

    [Test]
    public void ProgressiveFileWithoutEoiMarkerIsRejectedAsTruncated()
    {
        byte[] file = JpegFixtures.Load(Progressive);

        Assert.That(() => JpegDecoder.Decode(file.AsSpan(0, file.Length - 2)), ThrowsFormatError("EOI"));
    }

    [Test]
    public void OverSubscribedHuffmanCodeLengthsAreRejected()
    {
        byte[] file = JpegFixtures.Load(Baseline);
        int counts = JpegFixtures.FindSegment(file, 0xC4) + 5; // after marker, length, Tc/Th

        // Three codes of length 1 cannot exist; take them from another length to keep the total.
        int donor = Enumerable.Range(1, 15).Last(i => file[counts + i] >= 3);
        file[counts + donor] -= 3;
        file[counts] += 3;

        Assert.That(() => JpegDecoder.Decode(file), ThrowsFormatError("over-subscribe"));
    }

    [Test]
    public void BitsMatchingNoHuffmanCodeAreRejected()
    {
        byte[] file = JpegTestStreams.Grayscale8x8("1111 1111 1111 1111"); // the DC table only has "0"

        Assert.That(() => JpegDecoder.Decode(file), ThrowsFormatError("Huffman code not found"));
    }

    [Test]
    public void RunLengthPastTheLastCoefficientIsRejectedAsIndexOverflow()
    {
        byte[] file = JpegTestStreams.Grayscale8x8("0 01 01 01 01"); // DC 0, then 4 x ZRL = 64 zeros

        Assert.That(() => JpegDecoder.Decode(file), ThrowsFormatError("coefficient index overflow"));
    }

    [Test]
    public void MissingHuffmanTablesAreRejected()
    {
        byte[] file = RenameSegments(JpegFixtures.Load(Baseline), 0xC4);

        Assert.That(() => JpegDecoder.Decode(file), ThrowsFormatError("missing DC Huffman table"));
    }

    [Test]
    public void MissingQuantizationTablesAreRejected()
    {
        byte[] file = RenameSegments(JpegFixtures.Load(Baseline), 0xDB);

        Assert.That(() => JpegDecoder.Decode(file), ThrowsFormatError("missing quantization table"));
    }

    [TestCase(0, 40, "width 0")]
    [TestCase(65, 0, "height 0")]
    public void FrameWithAZeroDimensionIsRejected(int width, int height, string problem)
    {
        byte[] file = WithFrameSize(JpegFixtures.Load(Baseline), width, height);

        Assert.That(() => JpegDecoder.Decode(file), ThrowsFormatError(problem));
    }

    [Test]
    public void ImagesAboveOneHundredMegapixelsAreRejectedBeforeAllocatingPixelMemory()
    {
        byte[] file = WithFrameSize(JpegFixtures.Load(Baseline), 20_000, 5_001);
        long before = GC.GetAllocatedBytesForCurrentThread();

        Assert.That(() => JpegDecoder.Decode(file), ThrowsFormatError("100-megapixel"));
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(1_000_000));
    }

    [Test]
    public void HugeDeclaredImageWithTooLittleScanDataIsRejectedBeforeAllocatingIt()
    {
        byte[] file = WithFrameSize(JpegFixtures.Load(Baseline), 10_000, 10_000); // exactly at the limit
        long before = GC.GetAllocatedBytesForCurrentThread();

        Assert.That(() => JpegDecoder.Decode(file), ThrowsFormatError("Truncated"));
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(1_000_000));
    }

    [Test]
    public void TwelveBitPrecisionIsRejected()
    {
        byte[] file = JpegFixtures.Load(Baseline);
        file[JpegFixtures.FindSegment(file, 0xC0) + 4] = 12;

        Assert.That(() => JpegDecoder.Decode(file), ThrowsFormatError("12-bit"));
    }

    [TestCase(0xC3, "lossless")]
    [TestCase(0xC5, "hierarchical")]
    [TestCase(0xC6, "hierarchical")]
    [TestCase(0xC7, "hierarchical")]
    [TestCase(0xC9, "arithmetic")]
    [TestCase(0xCA, "arithmetic")]
    [TestCase(0xCB, "arithmetic")]
    [TestCase(0xCD, "arithmetic")]
    [TestCase(0xCE, "arithmetic")]
    [TestCase(0xCF, "arithmetic")]
    public void UnsupportedFrameTypesAreRejected(int sofMarker, string problem)
    {
        byte[] file = JpegFixtures.Load(Baseline);
        file[JpegFixtures.FindSegment(file, 0xC0) + 1] = (byte)sofMarker;

        Assert.That(() => JpegDecoder.Decode(file), ThrowsFormatError(problem));
    }

    [Test]
    public void ArithmeticCodedFileFromAnEncoderIsRejected()
    {
        byte[] file = JpegFixtures.Load("arithmetic_8x8");

        Assert.That(() => JpegDecoder.Decode(file), ThrowsFormatError("arithmetic"));
    }

    [Test]
    public void FourComponentCmykFileIsRejected()
    {
        byte[] file = JpegFixtures.Load("cmyk_8x8");

        Assert.That(() => JpegDecoder.Decode(file), ThrowsFormatError("CMYK"));
    }

    [Test]
    public void ScanNamingAComponentMissingFromTheFrameIsRejected()
    {
        byte[] file = JpegFixtures.Load(Baseline);
        file[JpegFixtures.FindSegment(file, 0xDA) + 5] = 99; // first scan component selector

        Assert.That(() => JpegDecoder.Decode(file), ThrowsFormatError("not in the frame"));
    }

    [Test]
    public void ProgressiveAcScanBeforeTheFirstDcScanOfItsComponentIsRejected()
    {
        byte[] file = JpegFixtures.Load(Progressive);
        int firstScan = JpegFixtures.FindSegment(file, 0xDA);
        int afterFirstScan = FindNextMarker(file, JpegFixtures.FirstScanData(file));

        // Drop the interleaved DC scan; the next scan is an AC scan of the luma component.
        byte[] withoutDcScan = [.. file[..firstScan], .. file[afterFirstScan..]];

        Assert.That(() => JpegDecoder.Decode(withoutDcScan), ThrowsFormatError("before its first DC scan"));
    }

    [Test]
    public void RestartMarkerOutOfSequenceIsRejected()
    {
        byte[] file = JpegFixtures.Load(Restart);
        int rst0 = FindBytes(file, JpegFixtures.FirstScanData(file), 0xFF, 0xD0);
        file[rst0 + 1] = 0xD3;

        Assert.That(() => JpegDecoder.Decode(file), ThrowsFormatError("expected restart marker RST0"));
    }

    private static void AssertEveryPrefixIsRejected(byte[] file, int stopBefore)
    {
        using (Assert.EnterMultipleScope())
        {
            for (int length = 0; length < stopBefore; length++)
            {
                byte[] prefix = file[..length];
                Assert.That(() => JpegDecoder.Decode(prefix), Throws.InstanceOf<InvalidDataException>(), $"cut at {length} of {file.Length}");
            }
        }
    }

    private static ContainsConstraint ThrowsFormatError(string problem) =>
        Throws.InstanceOf<InvalidDataException>().With.Message.Contains(problem).IgnoreCase;

    private static byte[] WithFrameSize(byte[] file, int width, int height)
    {
        int sof = JpegFixtures.FindSegment(file, 0xC0);
        file[sof + 5] = (byte)(height >> 8);
        file[sof + 6] = (byte)height;
        file[sof + 7] = (byte)(width >> 8);
        file[sof + 8] = (byte)width;
        return file;
    }

    /// <summary>Turns every header segment with the given marker into an ignored APP15 segment.</summary>
    private static byte[] RenameSegments(byte[] file, byte marker)
    {
        while (true)
        {
            int position;
            try
            {
                position = JpegFixtures.FindSegment(file, marker);
            }
            catch (InvalidOperationException)
            {
                return file;
            }

            file[position + 1] = 0xEF;
        }
    }

    /// <summary>Offset of the next marker (0xFF followed by neither 0x00 nor 0xFF) from start.</summary>
    private static int FindNextMarker(byte[] data, int start)
    {
        for (int i = start; i + 1 < data.Length; i++)
        {
            if (data[i] == 0xFF && data[i + 1] != 0x00 && data[i + 1] != 0xFF)
            {
                return i;
            }
        }

        throw new InvalidOperationException("No marker found.");
    }

    private static int FindBytes(byte[] data, int start, byte first, byte second)
    {
        for (int i = start; i + 1 < data.Length; i++)
        {
            if (data[i] == first && data[i + 1] == second)
            {
                return i;
            }
        }

        throw new InvalidOperationException("Byte pair not found.");
    }
}
