using System.Text.Json;
using BlazeFace.Cli.Tests;
using BlazeFace.Cli.Tests.Imaging;

namespace BlazeFace.Cli.Tests.Hardening;

/// <summary>
/// Damaged image files given to <c>detect --json</c>, in process through the CLI's entry point: every one ends in
/// exit code 2 with a single "error: FILE: ..." line on stderr, or (when the damage left a valid image) in exit code
/// 0 with its one JSON line. Nothing escapes Program.Run as an exception.
/// </summary>
/// <remarks>
/// The decoders' own fuzzing (Cli/Imaging/*CorruptionTests) checks decoding; this checks what a user sees. Every
/// decoder the CLI ships is covered: PNG, binary and ASCII PPM/PGM, and baseline, progressive and restart-marker JPEG.
/// </remarks>
public class CliCorruptImageTests
{
    private const int CorruptionsPerFile = 24;
    private const int TruncationsPerFile = 8;

    private static readonly string[] Fixtures =
    [
        "codecs/png-rgb8-13x7-n.png",
        "codecs/png-rgba16-13x7-i.png",
        "codecs/png-p4-13x7-n.png",
        "codecs/ppm-p6-255.ppm",
        "codecs/ppm-p3-255.ppm",
        "codecs/pgm-p5-65535.pgm",
        "codecs/pgm-p2-255.pgm",
        "jpeg/ycc420_65x40_q50.jpg",
        "jpeg/progressive_ycc420_65x40_q75.jpg",
        "jpeg/restart_ycc420_65x40.jpg",
        "jpeg/gray_33x17_q75.jpg",
    ];

    private string _folder = null!;

    [OneTimeSetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("blazeface-cli-fuzz-").FullName;

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestCaseSource(nameof(Fixtures))]
    public void The_intact_file_is_detected_with_exit_code_0(string fixture)
    {
        // The baseline the damaged variants depart from: each fixture is a valid image the CLI reads.
        CliRun run = CliRun.Of("detect", Fixture(fixture), "--json");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
    }

    [TestCaseSource(nameof(Fixtures))]
    public void A_corrupted_file_exits_2_with_one_error_line_or_0_with_one_json_line(string fixture)
    {
        byte[] original = File.ReadAllBytes(Fixture(fixture));
        var random = new Random(Array.IndexOf(Fixtures, fixture) + 1);
        var problems = new List<string>();
        int refused = 0;

        for (int variant = 0; variant < CorruptionsPerFile; variant++)
        {
            byte[] file = Corrupt(original, random, out string edits);
            if (fixture.EndsWith(".png", StringComparison.Ordinal) && variant % 2 == 0)
            {
                // Half the PNGs get valid CRCs, so the damage reaches the decoder behind the CRC check.
                PngTestFile.RepairCrcs(file);
            }

            string path = Write(fixture, variant, file);
            string? problem = CheckContract(path, out int exitCode);
            refused += exitCode == 2 ? 1 : 0;
            if (problem is not null)
            {
                problems.Add($"variant {variant} ({edits}): {problem}");
            }
        }

        TestContext.Out.WriteLine($"{fixture}: {CorruptionsPerFile} corrupted variants, {refused} refused with exit code 2, {CorruptionsPerFile - refused} still valid images");
        Assert.That(problems, Is.Empty);
    }

    [TestCaseSource(nameof(Fixtures))]
    public void A_truncated_file_exits_2_with_one_error_line(string fixture)
    {
        byte[] original = File.ReadAllBytes(Fixture(fixture));
        var random = new Random(1000 + Array.IndexOf(Fixtures, fixture));
        var problems = new List<string>();

        // The cut always removes real content: an ASCII PNM's trailing newline or a JPEG's closing EOI marker
        // (which sequential JPEGs may lack) are not damage, so the last few bytes are never the only ones cut.
        int longest = original.Length - TolerableTailLength(fixture) - 1;
        for (int variant = 0; variant < TruncationsPerFile; variant++)
        {
            int length = variant == 0 ? 0 : random.Next(longest + 1);
            string path = Write(fixture, 100 + variant, original[..length]);
            string? problem = CheckContract(path, out int exitCode);
            if (problem is not null || exitCode != 2)
            {
                problems.Add($"cut to {length} of {original.Length} bytes: exit code {exitCode}{(problem is null ? "" : $", {problem}")}");
            }
        }

        Assert.That(problems, Is.Empty);
    }

    /// <summary>Runs the CLI on one file; null when it kept the contract, otherwise what it did wrong.</summary>
    private static string? CheckContract(string path, out int exitCode)
    {
        CliRun run;
        try
        {
            run = CliRun.Of("detect", path, "--json");
        }
#pragma warning disable CA1031 // An exception escaping the entry point is the failure this test looks for.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            exitCode = -1;
            return $"{exception.GetType().Name} escaped Program.Run: {exception.Message}";
        }

        exitCode = run.ExitCode;
        return run.ExitCode switch
        {
            2 when run.ErrorLines is [var line] && line.StartsWith($"error: {path}: ", StringComparison.Ordinal) && run.StandardOutput.Length == 0 => null,
            2 => $"exit code 2 but stderr [{run.StandardError}] and stdout [{run.StandardOutput}]",
            0 when run.StandardError.Length == 0 && run.OutputLines is [var json] && IsDetectionJson(json) => null,
            0 => $"exit code 0 but stderr [{run.StandardError}] and stdout [{run.StandardOutput}]",
            _ => $"exit code {run.ExitCode}, stderr [{run.StandardError}]",
        };
    }

    private static bool IsDetectionJson(string line)
    {
        try
        {
            using JsonDocument json = JsonDocument.Parse(line);
            return json.RootElement.TryGetProperty("faces", out JsonElement faces) && faces.ValueKind == JsonValueKind.Array;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>One to four bit flips or byte overwrites; half of them within the first 64 bytes, where the headers are.</summary>
    private static byte[] Corrupt(byte[] original, Random random, out string edits)
    {
        byte[] file = (byte[])original.Clone();
        var list = new List<string>();
        for (int i = random.Next(1, 5); i > 0; i--)
        {
            int position = random.Next(2) == 0 ? random.Next(Math.Min(64, file.Length)) : random.Next(file.Length);
            byte before = file[position];
            file[position] = random.Next(2) == 0 ? (byte)(before ^ (1 << random.Next(8))) : (byte)random.Next(256);
            list.Add($"0x{position:X}: 0x{before:X2} -> 0x{file[position]:X2}");
        }

        edits = string.Join(", ", list);
        return file;
    }

    /// <summary>Bytes at the end whose loss leaves a valid file: whitespace after ASCII samples, a JPEG's EOI marker.</summary>
    private static int TolerableTailLength(string fixture) => Path.GetExtension(fixture) switch
    {
        ".jpg" => 2,
        _ when fixture.Contains("-p2-", StringComparison.Ordinal) || fixture.Contains("-p3-", StringComparison.Ordinal) => 1,
        _ => 0,
    };

    private static string Fixture(string relative) => Path.Combine(AppContext.BaseDirectory, "TestData", relative);

    private string Write(string fixture, int variant, byte[] bytes)
    {
        string path = Path.Combine(_folder, $"{Path.GetFileNameWithoutExtension(fixture)}-{variant}{Path.GetExtension(fixture)}");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
