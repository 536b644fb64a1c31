using BlazeFace.Cli.Imaging;
using BlazeFace.Tests.ImageFixtures;

namespace BlazeFace.Cli.Tests;

/// <summary>
/// A file whose header announces more pixels than the CLI decodes (<see cref="ImageFileLoader.MaxPixels"/>) is refused
/// from the header, before any pixel memory is allocated: exit code 2, one line naming the size and the limit.
/// </summary>
public class DecompressionBombTests
{
    private string _folder = null!;

    [OneTimeSetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("blazeface-bomb-").FullName;

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void The_limit_is_150_megapixels() => Assert.That(ImageFileLoader.MaxPixels, Is.EqualTo(150_000_000));

    [TestCase("formats/png-palette.png", 100_000u, 100_000u)]
    [TestCase("formats/png-rgb16-interlaced.png", 20_000u, 8_000u)]
    [TestCase("formats/jpeg-progressive.jpg", 60_000u, 60_000u)]
    [TestCase("formats/jpeg-baseline.jpg", 12_500u, 12_500u)]
    [TestCase("formats/webp-lossless.webp", 16_384u, 16_384u)]
    [TestCase("formats/webp-lossy.webp", 16_000u, 16_000u)]
    public void A_header_announcing_more_than_the_limit_is_refused_with_one_line(string fixture, uint width, uint height)
    {
        byte[] bomb = ImageHeaders.WithSize(File.ReadAllBytes(Fixtures.Path(fixture)), width, height)
            ?? throw new InvalidOperationException($"{fixture} has no size header to rewrite");
        string path = Path.Combine(_folder, Path.GetFileName(fixture));
        File.WriteAllBytes(path, bomb);

        CliRun run = CliRun.Of("detect", path, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines.Single(), Does.StartWith($"error: {path}: ").And.Contain($"{width}x{height}").And.Contain("limit"));
        Assert.That(run.StandardOutput, Is.Empty);
    }
}
