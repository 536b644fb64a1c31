using System.Text.Json;
using BlazeFace.Cli.Tests.Video;
using BlazeFace.Tests.Support;

namespace BlazeFace.Cli.Tests;

/// <summary>
/// detect over a photo library: --jobs changes nothing but the speed, results come in input order, --recursive and
/// --ext pick the files, --shard splits them by path, --resume skips what a results file holds and appends the rest,
/// and --full-resolution (or an output needing the pixels) decodes every image whole.
/// </summary>
public sealed class PhotoLibraryTests : IDisposable
{
    private readonly TemporaryFolder _fixture = new();

    /// <summary>This test's library: the bundled photos at the top, two JPEGs in 2023/, one in a hidden .thumbnails/, and a text file.</summary>
    private string _library = null!;

    /// <summary>NUnit disposes the fixture after its last test.</summary>
    public void Dispose() => _fixture.Dispose();

    [SetUp]
    public void CreateLibrary()
    {
        _library = _fixture.File($"{Guid.NewGuid():N}/library");
        Directory.CreateDirectory(Path.Combine(_library, "2023"));
        Directory.CreateDirectory(Path.Combine(_library, ".thumbnails"));
        foreach (string photo in Directory.GetFiles(RepositoryPaths.Asset("images"), "*.png"))
        {
            File.Copy(photo, Path.Combine(_library, Path.GetFileName(photo)));
        }

        File.Copy(Fixtures.Path("exif/orientation-6.jpg"), Path.Combine(_library, "2023", "portrait.jpg"));
        File.Copy(Fixtures.Path("formats/jpeg-progressive.jpg"), Path.Combine(_library, "2023", "progressive.jpg"));
        File.Copy(Fixtures.Path("formats/jpeg-baseline.jpg"), Path.Combine(_library, ".thumbnails", "portrait.jpg"));
        File.WriteAllText(Path.Combine(_library, "notes.txt"), "not a photo");
    }

    private string[] TopLevelPhotos => [.. Directory.GetFiles(_library, "*.png").Order(StringComparer.Ordinal)];

    private string[] AllPhotos => [Path.Combine(_library, "2023", "portrait.jpg"), Path.Combine(_library, "2023", "progressive.jpg"), .. TopLevelPhotos];

    [Test]
    public void Results_come_in_the_order_of_the_files_paths_whatever_the_jobs()
    {
        CliRun one = CliRun.Of("detect", _library, "--json", "--recursive", "--jobs", "1");
        CliRun four = CliRun.Of("detect", _library, "--json", "--recursive", "--jobs", "4");

        Assert.That(one.ExitCode, Is.Zero, one.StandardError);
        Assert.That(Images(one), Is.EqualTo(AllPhotos));
        Assert.That(four.StandardOutput, Is.EqualTo(one.StandardOutput), "the same lines, byte for byte");
    }

    [Test]
    public void Without_recursive_only_the_folders_own_files_are_read() =>
        Assert.That(Images(CliRun.Of("detect", _library, "--json")), Is.EqualTo(TopLevelPhotos));

    [Test]
    public void Ext_picks_a_folders_files_by_extension()
    {
        CliRun run = CliRun.Of("detect", _library, "--json", "--recursive", "--ext", "JPG,.jpeg");

        Assert.That(Images(run), Is.EqualTo(AllPhotos[..2]));
    }

    [TestCase("heic")]
    [TestCase("jpg,")]
    public void Ext_takes_only_extensions_the_cli_decodes(string extensions)
    {
        CliRun run = CliRun.Of("detect", _library, "--ext", extensions);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines.Single(), Does.StartWith("error: --ext takes extensions among .bmp .gif .jpeg .jpg .png .webp"));
        Assert.That(run.StandardOutput, Is.Empty);
    }

    [Test]
    public void The_shards_of_a_library_hold_every_photo_exactly_once_wherever_it_is_mounted()
    {
        string elsewhere = _fixture.File($"{Guid.NewGuid():N}/mounted/elsewhere");
        CopyFolder(_library, elsewhere);

        string[][] shards = [.. Enumerable.Range(0, 3).Select(k => Images(CliRun.Of("detect", _library, "--json", "--recursive", "--shard", $"{k}/3")))];
        string[][] moved = [.. Enumerable.Range(0, 3).Select(k => Images(CliRun.Of("detect", elsewhere, "--json", "--recursive", "--shard", $"{k}/3")))];

        Assert.That(shards.SelectMany(shard => shard), Is.EquivalentTo(AllPhotos), "every photo once");
        Assert.That(shards, Has.All.Not.Empty);
        for (int k = 0; k < 3; k++)
        {
            Assert.That(moved[k].Select(image => Path.GetRelativePath(elsewhere, image)), Is.EqualTo(shards[k].Select(image => Path.GetRelativePath(_library, image))));
        }
    }

    [TestCase("3/3")]
    [TestCase("1")]
    [TestCase("0/0")]
    public void A_shard_that_is_not_k_of_n_is_refused(string shard)
    {
        CliRun run = CliRun.Of("detect", _library, "--shard", shard);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines.Single(), Does.StartWith($"error: --shard takes K/N, shard K (counting from 0) of N shards").And.Contain($"not '{shard}'"));
    }

    [Test]
    public void Resume_writes_every_result_to_its_file_and_nothing_to_stdout_and_a_rerun_adds_nothing()
    {
        string results = _fixture.File($"{Guid.NewGuid():N}.jsonl");

        CliRun first = CliRun.Of("detect", _library, "--recursive", "--resume", results);
        string written = File.ReadAllText(results);
        CliRun again = CliRun.Of("detect", _library, "--recursive", "--resume", results);

        Assert.That(first.ExitCode, Is.Zero, first.StandardError);
        Assert.That(first.StandardOutput, Is.Empty);
        Assert.That(ResultImages(results), Is.EqualTo(AllPhotos));
        Assert.That((again.ExitCode, again.StandardOutput, again.StandardError), Is.EqualTo((0, "", "")));
        Assert.That(File.ReadAllText(results), Is.EqualTo(written));
    }

    [Test]
    public void Resume_after_a_kill_cuts_the_unfinished_line_and_searches_what_is_missing()
    {
        string results = _fixture.File($"{Guid.NewGuid():N}.jsonl");
        Assert.That(CliRun.Of("detect", _library, "--recursive", "--resume", results).ExitCode, Is.Zero);
        string[] lines = File.ReadAllLines(results);

        // As a run killed while writing its fourth line leaves it: three whole lines and part of the fourth.
        File.WriteAllText(results, string.Join("\n", lines[..3]) + "\n" + lines[3][..(lines[3].Length / 2)]);
        CliRun resumed = CliRun.Of("detect", _library, "--recursive", "--resume", results);

        Assert.That(resumed.ExitCode, Is.Zero, resumed.StandardError);
        Assert.That(resumed.ErrorLines.Single(), Does.StartWith($"note: {results}: cut off an incomplete last line ("));
        Assert.That(File.ReadAllLines(results), Is.EqualTo(lines), "the same results, each image once, in input order");
    }

    [Test]
    public void A_resume_file_that_is_not_a_results_file_is_refused_and_left_alone()
    {
        string notes = _fixture.File($"{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(notes, "shopping list\n");

        CliRun run = CliRun.Of("detect", _library, "--resume", notes);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines.Single(), Is.EqualTo($"error: {notes}: line 1 is not a detect result (a JSON object naming its \"image\"): shopping list; refusing to append to it"));
        Assert.That(File.ReadAllText(notes), Is.EqualTo("shopping list\n"));
    }

    [Test]
    public void A_resume_file_that_is_one_of_the_photos_is_refused_before_any_work()
    {
        string photo = TopLevelPhotos[0];
        byte[] before = File.ReadAllBytes(photo);

        CliRun run = CliRun.Of("detect", _library, "--resume", photo);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines.Single(), Is.EqualTo($"error: {photo}: --resume would append to the input {photo} (it is the same file); name another"));
        Assert.That(File.ReadAllBytes(photo), Is.EqualTo(before));
    }

    [Test]
    public void A_damaged_photo_in_a_batch_is_one_error_line_in_its_place_and_the_rest_still_run()
    {
        string damaged = Path.Combine(_library, "2023", "progressive.jpg");
        byte[] whole = File.ReadAllBytes(damaged);
        File.WriteAllBytes(damaged, whole[..(whole.Length / 2)]);

        CliRun run = CliRun.Of("detect", _library, "--json", "--recursive", "--jobs", "3");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(2), run.StandardError);
        Assert.That(run.ErrorLines[0], Does.StartWith($"error: {damaged}: The JPEG image is truncated"));
        Assert.That(run.ErrorLines[1], Does.StartWith("done: 10/10 files, ").And.Contain(", 1 failed, "), "a run of ten files or more ends with a summary");
        Assert.That(Images(run), Is.EqualTo(AllPhotos.Where(photo => photo != damaged)));
    }

    [Test]
    public void A_jpeg_is_searched_reduced_by_default_and_whole_with_full_resolution_in_the_full_images_pixels()
    {
        // 256 x 300: decoded at 1/2 for the short-range model's 128 pixels unless asked whole.
        string portrait = Path.Combine(_library, "2023", "portrait.jpg");

        JsonElement reduced = Fixtures.SingleResult(CliRun.Of("detect", portrait, "--json"));
        JsonElement whole = Fixtures.SingleResult(CliRun.Of("detect", portrait, "--json", "--full-resolution"));

        Assert.That((reduced.GetProperty("width").GetInt32(), reduced.GetProperty("height").GetInt32()), Is.EqualTo((256, 300)));
        Assert.That((whole.GetProperty("width").GetInt32(), whole.GetProperty("height").GetInt32()), Is.EqualTo((256, 300)));
        FaceBox a = Fixtures.Box(reduced.GetProperty("faces")[0]), b = Fixtures.Box(whole.GetProperty("faces")[0]);
        Assert.That(a, Is.Not.EqualTo(b), "different inputs: an averaged 1/2 decode and the whole image");
        Assert.That(a.IntersectionOverUnion(b), Is.AtLeast(0.85f));
    }

    [TestCase("--crops")]
    [TestCase("--out")]
    [TestCase("--tiles")]
    [TestCase("--roi")]
    public void An_option_that_needs_the_pixels_decodes_whole(string option)
    {
        string portrait = Path.Combine(_library, "2023", "portrait.jpg");
        string[] extra = option switch
        {
            "--crops" => ["--crops", _fixture.File($"crops-{Guid.NewGuid():N}")],
            "--out" => ["--out", _fixture.File($"annotated-{Guid.NewGuid():N}.png")],
            "--roi" => ["--roi", "0,0,256,300"],
            _ => [option],
        };
        string[] search = option == "--tiles" ? ["--tiles"] : [];

        CliRun withOption = CliRun.Of(["detect", portrait, "--json", .. extra]);
        CliRun whole = CliRun.Of(["detect", portrait, "--json", "--full-resolution", .. search]);

        Assert.That(withOption.ExitCode, Is.Zero, withOption.StandardError);
        Assert.That(withOption.StandardOutput, Is.EqualTo(whole.StandardOutput));
    }

    private static string[] Images(CliRun run) =>
        [.. run.OutputLines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("image").GetString()!)];

    private static string[] ResultImages(string results) =>
        [.. File.ReadAllLines(results).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("image").GetString()!)];

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (string folder in Directory.GetDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
