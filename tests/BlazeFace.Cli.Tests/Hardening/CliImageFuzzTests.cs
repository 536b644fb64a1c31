using BlazeFace.Cli.Tests.Hardening.ImageFuzzing;

namespace BlazeFace.Cli.Tests.Hardening;

/// <summary>
/// Damaged JPEG, PNG and WebP files through the CLI's loading path (see <see cref="ImageFuzzRunner"/> for the
/// contract). The default run tries 300 variants of each of the seven seeds in tests/ImageFixtures/fuzz; CI also
/// runs the explicit <c>ImageFuzz</c> category, 3,000 of each (21,000 files), with other seeds.
/// </summary>
public class CliImageFuzzTests
{
    private static readonly string[] Seeds =
    [
        "seed-baseline.jpg",
        "seed-progressive.jpg",
        "seed-rgb.png",
        "seed-palette.png",
        "seed-rgb16-interlaced.png",
        "seed-lossy.webp",
        "seed-lossless.webp",
    ];

    private string _folder = null!;

    [OneTimeSetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("blazeface-cli-fuzz-").FullName;

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestCaseSource(nameof(Seeds))]
    public void The_intact_seed_is_read_with_exit_code_0(string seed)
    {
        CliRun run = CliRun.Of("detect", Fixtures.Path($"fuzz/{seed}"), "--json");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
    }

    [TestCaseSource(nameof(Seeds))]
    public void Damaged_copies_exit_2_with_one_line_or_0_with_one_result_each_within_2_seconds(string seed) =>
        Check(seed, variants: 300, randomSeed: Array.IndexOf(Seeds, seed) + 1);

    [TestCaseSource(nameof(Seeds))]
    [Explicit("21,000 files, about a minute or two; CI runs it with --filter TestCategory=ImageFuzz")]
    [Category("ImageFuzz")]
    public void Three_thousand_damaged_copies_of_each_seed_keep_the_contract(string seed) =>
        Check(seed, variants: 3000, randomSeed: 1000 + Array.IndexOf(Seeds, seed));

    private void Check(string seed, int variants, int randomSeed)
    {
        string folder = Directory.CreateDirectory(Path.Combine(_folder, Path.GetFileNameWithoutExtension(seed))).FullName;

        FuzzReport report = ImageFuzzRunner.Run(Fixtures.Path($"fuzz/{seed}"), variants, randomSeed, folder);

        TestContext.Out.WriteLine(report);
        Assert.That(report.Runs, Is.EqualTo(variants));
        Assert.That(report.Problems, Is.Empty);
    }
}
