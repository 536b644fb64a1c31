using System.Diagnostics;
using BlazeFace.Cli.Imaging;

namespace BlazeFace.Cli.Tests.Imaging;

/// <summary>
/// Fixed-seed random corruption: 2,000 variants per fixture (bit flips, byte overwrites, truncations,
/// one to three at a time). Each must either decode to a well-formed image or throw
/// <see cref="InvalidDataException"/>, and none may take long.
/// </summary>
/// <remarks>Every variant is decoded once, in <see cref="DecodeAllVariants"/>; the tests check the records.</remarks>
public class JpegDecoderCorruptionTests
{
    private const int Variants = 2_000;

    private static readonly string[] FixtureNames =
    [
        "ycc420_65x40_q50",
        "progressive_ycc420_65x40_q75",
        "restart_progressive_ycc420_65x40",
    ];

    private readonly Dictionary<string, List<Outcome>> _outcomes = [];

    [OneTimeSetUp]
    public void DecodeAllVariants()
    {
        foreach (string name in FixtureNames)
        {
            JpegDecoder.Decode(JpegFixtures.Load(name)); // warm up the JIT before timing
            var outcomes = new List<Outcome>(Variants);
            foreach ((string description, byte[] variant) in CorruptedVariants(name))
            {
                string? unexpected = null;
                long start = Stopwatch.GetTimestamp();
                try
                {
                    RgbImage image = JpegDecoder.Decode(variant);
                    if (image.Width <= 0 || image.Height <= 0 || image.Pixels.Length != image.Width * image.Height * 3)
                    {
                        unexpected = $"malformed result {image.Width}x{image.Height}";
                    }
                }
                catch (InvalidDataException)
                {
                    // expected for many variants
                }
#pragma warning disable CA1031 // Any other exception type is exactly what these tests look for.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    unexpected = $"{e.GetType().Name}: {e.Message}";
                }

                outcomes.Add(new Outcome(description, unexpected, Stopwatch.GetElapsedTime(start).TotalSeconds));
            }

            _outcomes[name] = outcomes;
        }
    }

    [TestCaseSource(nameof(FixtureNames))]
    public void EveryCorruptedVariantDecodesOrThrowsInvalidDataException(string name)
    {
        string[] unexpected = [.. _outcomes[name].Where(o => o.Unexpected is not null).Select(o => $"{o.Description}: {o.Unexpected}")];

        Assert.That(unexpected, Is.Empty);
    }

    [TestCaseSource(nameof(FixtureNames))]
    public void EveryCorruptedVariantFinishesWithinOneSecond(string name)
    {
        double slowest = _outcomes[name].Max(o => o.Seconds);

        // Generous so that a loaded machine cannot make it flaky; a runaway loop would take far longer.
        Assert.That(slowest, Is.LessThan(1.0));
    }

    private static IEnumerable<(string Description, byte[] Variant)> CorruptedVariants(string name)
    {
        byte[] original = JpegFixtures.Load(name);
        var random = new Random(20_240_611);
        for (int i = 0; i < Variants; i++)
        {
            byte[] variant = (byte[])original.Clone();
            int length = variant.Length;
            var steps = new List<string>();
            int mutations = random.Next(1, 4);
            for (int m = 0; m < mutations && length > 0; m++)
            {
                int offset = random.Next(length);
                switch (random.Next(3))
                {
                    case 0:
                        int bit = random.Next(8);
                        variant[offset] ^= (byte)(1 << bit);
                        steps.Add($"flip bit {bit} at {offset}");
                        break;
                    case 1:
                        byte value = (byte)random.Next(256);
                        variant[offset] = value;
                        steps.Add($"set {offset} to 0x{value:X2}");
                        break;
                    default:
                        length = offset;
                        steps.Add($"truncate to {length}");
                        break;
                }
            }

            yield return ($"{name} variant {i} ({string.Join(", ", steps)})", variant[..length]);
        }
    }

    private sealed record Outcome(string Description, string? Unexpected, double Seconds);
}
