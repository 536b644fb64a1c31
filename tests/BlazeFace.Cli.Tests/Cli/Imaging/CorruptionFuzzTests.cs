using BlazeFace.Cli.Imaging;

namespace BlazeFace.Cli.Tests.Imaging;

/// <summary>
/// Thousands of fixed-seed corruptions of valid files: every one must either decode to a
/// well-formed image or be rejected with InvalidDataException, never any other exception.
/// </summary>
public class CorruptionFuzzTests
{
    private const int Variants = 3000;

    [TestCase("png-rgba16-13x7-i.png", 1)]
    [TestCase("png-p2-13x7-n.png", 2)]
    [TestCase("pil-rgb8.png", 3)]
    public void CorruptedPngIsDecodedOrRejectedAsInvalidData(string name, int seed) =>
        AssertDecodedOrRejected(CodecFixtures.Read(name), seed, repairPngCrcs: true);

    [TestCase("ppm-p6-65535.ppm", 4)]
    [TestCase("pgm-p2-255.pgm", 5)]
    public void CorruptedNetpbmFileIsDecodedOrRejectedAsInvalidData(string name, int seed) =>
        AssertDecodedOrRejected(CodecFixtures.Read(name), seed, repairPngCrcs: false);

    private static void AssertDecodedOrRejected(byte[] original, int seed, bool repairPngCrcs)
    {
        var random = new Random(seed);
        var unexpected = new List<string>();
        for (int variant = 0; variant < Variants; variant++)
        {
            byte[] file = Corrupt(original, random);

            // Half the PNG variants get valid CRCs so the corruption reaches the code behind the CRC check.
            if (repairPngCrcs && variant % 2 == 0)
            {
                PngTestFile.RepairCrcs(file);
            }

            try
            {
                RgbImage image = ImageDecoder.Decode(file);
                if (image.Pixels.Length != image.Width * image.Height * 3)
                {
                    unexpected.Add($"variant {variant}: pixel buffer of wrong length");
                }
            }
            catch (InvalidDataException)
            {
                // Rejecting the file is an acceptable outcome.
            }
#pragma warning disable CA1031 // Any other exception type is exactly what this test looks for.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                unexpected.Add($"variant {variant}: {exception.GetType().Name}: {exception.Message}");
            }
        }

        Assert.That(unexpected, Is.Empty);
    }

    private static byte[] Corrupt(byte[] original, Random random)
    {
        byte[] file = (byte[])original.Clone();
        int edits = 1 + random.Next(3);
        for (int edit = 0; edit < edits && file.Length > 0; edit++)
        {
            int position = random.Next(file.Length);
            switch (random.Next(5))
            {
                case 0:
                    file[position] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    file[position] = (byte)random.Next(256);
                    break;
                case 2:
                    file = file[..position];
                    break;
                case 3:
                    // Large values in length and size fields are the classic overflow trigger.
                    file[position] = random.Next(2) == 0 ? (byte)0xFF : (byte)0x00;
                    break;
                default:
                    file = [.. file[..position], (byte)random.Next(256), .. file[position..]];
                    break;
            }
        }

        return file;
    }
}
