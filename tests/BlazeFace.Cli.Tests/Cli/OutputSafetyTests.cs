using BlazeFace.Cli.Tests.Video;
using BlazeFace.Tests.Support;

namespace BlazeFace.Cli.Tests;

/// <summary>
/// A user's files are safe from the CLI's outputs: an output that is an input (by any path or link) is refused
/// before any work, two images never write one output name (the naming rule: NAME.png and NAME_faceK.png after the
/// image's file name; a clash is refused up front), and every output is renamed into place from a temporary file.
/// </summary>
public sealed class OutputSafetyTests : IDisposable
{
    private static readonly string Photo = RepositoryPaths.Asset("images/astronaut.png");

    private readonly TemporaryFolder _fixture = new();

    /// <summary>This test's own folder inside the fixture's, so no test sees another's files.</summary>
    private TestFolder _work = null!;

    /// <summary>NUnit disposes the fixture after its last test.</summary>
    public void Dispose() => _fixture.Dispose();

    [SetUp]
    public void CreateTestFolder() => _work = new TestFolder(_fixture.File(Guid.NewGuid().ToString("N")));

    [Test]
    public void Detect_out_naming_the_input_is_refused_and_the_photo_keeps_its_bytes()
    {
        string photo = Copy(Photo, "w/a.png");
        byte[] before = File.ReadAllBytes(photo);

        CliRun run = CliRun.Of("detect", photo, "--out", photo);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines.Single(), Is.EqualTo($"error: {photo}: --out would replace the input {photo} (it is the same file); name another"));
        Assert.That(File.ReadAllBytes(photo), Is.EqualTo(before));
    }

    [TestCase("symbolic")]
    [TestCase("hard")]
    public void Video_out_through_a_link_to_the_input_is_refused_and_the_input_keeps_its_bytes(string link)
    {
        string input = _work.File("in.avi");
        MovingFaceVideo.Write(input, "MJPG", 6);
        byte[] before = File.ReadAllBytes(input);
        string alias = _work.File($"{link}.avi");
        Link(link, input, alias);

        CliRun run = CliRun.Of("video", input, "--json", "--out", alias);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines.Single(), Does.StartWith($"error: {alias}: --out would replace the input {input}"));
        Assert.That(run.StandardOutput, Is.Empty);
        Assert.That(File.ReadAllBytes(input), Is.EqualTo(before));
    }

    [TestCase("symbolic")]
    [TestCase("hard")]
    public void Detect_out_through_a_link_to_an_input_in_a_folder_is_refused(string link)
    {
        string photo = Copy(Photo, "photos/a.png");
        Copy(Photo, "photos/b.png");
        Directory.CreateDirectory(_work.File("annotated"));
        Link(link, photo, _work.File("annotated/b.png"));

        CliRun run = CliRun.Of("detect", _work.File("photos"), "--out", _work.File("annotated"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines.Single(), Does.StartWith($"error: {_work.File("annotated/b.png")}: --out would replace the input {photo}"));
    }

    [Test]
    public void Images_whose_outputs_would_share_a_name_are_refused_up_front_and_nothing_is_written()
    {
        // The red-team probe: each output overwrote the one before, three faces reported, one file left of each.
        Copy(Photo, "clash/x/face.jpg");
        Copy(Photo, "clash/x/face.png");
        Copy(Photo, "clash/y/face.png");

        CliRun run = CliRun.Of("detect", _work.File("clash/x"), _work.File("clash/y"), "--crops", _work.File("clash/crops"), "--out", _work.File("clash/ann"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines.Single(), Is.EqualTo(
            $"error: {_work.File("clash/x/face.png")}: it and {_work.File("clash/x/face.jpg")} would both be written as {_work.File("clash/ann/face.png")} (--out names each annotated image after its file name); rename one, or run them separately"));
        Assert.That(run.StandardOutput, Is.Empty);
        Assert.That(Directory.Exists(_work.File("clash/ann")) || Directory.Exists(_work.File("clash/crops")), Is.False);
    }

    [Test]
    public void Images_from_several_folders_with_distinct_names_get_an_annotated_image_and_crops_each_named_after_them()
    {
        Copy(Photo, "x/anna.png");
        Copy(Photo, "y/bert.jpg");

        CliRun run = CliRun.Of("detect", _work.File("x"), _work.File("y"), "--crops", _work.File("crops"), "--out", _work.File("ann"));

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(Names("ann"), Is.EqualTo(new[] { "anna.png", "bert.png" }));
        Assert.That(Names("crops"), Is.EqualTo(new[] { "anna_face1.png", "bert_face1.png" }));
    }

    [Test]
    public void An_annotated_image_replaces_its_destination_by_renaming_so_a_file_linked_to_it_keeps_its_bytes()
    {
        string kept = Copy(Photo, "kept.png");
        byte[] before = File.ReadAllBytes(kept);
        string destination = _work.File("out/annotated.png");
        Directory.CreateDirectory(_work.File("out"));
        Link("hard", kept, destination);

        CliRun run = CliRun.Of("detect", Copy(Photo, "in/a.png"), "--out", destination);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(File.ReadAllBytes(kept), Is.EqualTo(before), "written into the linked file, not renamed over the name");
        Assert.That(File.ReadAllBytes(destination), Is.Not.EqualTo(before));
        Assert.That(Names("out"), Is.EqualTo(new[] { "annotated.png" }), "no temporary file left");
    }

    [Test]
    public void An_output_that_cannot_be_renamed_into_place_leaves_no_temporary_file()
    {
        Copy(Photo, "in/a.png");
        Copy(Photo, "in/b.png");
        Directory.CreateDirectory(_work.File("ann/a.png")); // a folder where the annotated a.png would go

        CliRun run = CliRun.Of("detect", _work.File("in"), "--json", "--out", _work.File("ann"));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines.Single(), Is.EqualTo($"error: {_work.File("ann/a.png")}: cannot be written: it is a folder"));
        Assert.That(run.OutputLines, Has.Length.EqualTo(1), "b.png still ran");
        Assert.That(Names("ann"), Is.EqualTo(new[] { "a.png", "b.png" }));
        Assert.That(Directory.EnumerateFileSystemEntries(_work.File("ann/a.png")), Is.Empty);
    }

    [Test]
    public void Crops_into_the_folder_of_the_images_are_refused_where_a_crop_would_replace_an_image()
    {
        // A second run with --crops into the photos' own folder: a_face1.png, the first run's crop, is now an input too.
        Copy(Photo, "photos/a.png");
        string earlierCrop = Copy(Photo, "photos/a_face1.png");

        CliRun run = CliRun.Of("detect", _work.File("photos"), "--crops", _work.File("photos"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines.Single(), Does.StartWith($"error: {earlierCrop}: --crops would replace the input {earlierCrop}"));
    }

    [Test]
    public void An_annotated_image_named_like_a_crop_in_the_crops_folder_is_refused()
    {
        Copy(Photo, "in/a.png");
        Copy(Photo, "in/a_face1.jpg");

        CliRun run = CliRun.Of("detect", _work.File("in"), "--out", _work.File("out"), "--crops", _work.File("out"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines.Single(), Does.StartWith($"error: {_work.File("out/a_face1.png")}: --out would write an annotated image where --crops writes a crop of a"));
        Assert.That(Directory.Exists(_work.File("out")), Is.False);
    }

    [Test]
    public void With_one_image_out_naming_an_existing_folder_is_refused_saying_so()
    {
        Directory.CreateDirectory(_work.File("folder"));

        CliRun run = CliRun.Of("detect", Photo, "--out", _work.File("folder"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines.Single(), Is.EqualTo($"error: {_work.File("folder")}: --out names a folder; with one image it names the annotated file (.png, .jpg or .jpeg)"));
    }

    [Test]
    public void With_several_images_out_naming_a_file_is_a_usage_error_said_once()
    {
        CliRun run = CliRun.Of("detect", Photo, Copy(Photo, "b.png"), Copy(Photo, "c.png"), "--json", "--out", _work.File("annotated.png"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Is.EqualTo(new[]
        {
            $"error: {_work.File("annotated.png")}: --out names a file, but with several images or a folder it names the folder that receives NAME.png for each",
        }));
        Assert.That(run.StandardOutput, Is.Empty);
    }

    [Test]
    public void With_a_folder_of_one_image_out_names_the_folder_that_receives_it()
    {
        Copy(Photo, "one/a.png");

        CliRun run = CliRun.Of("detect", _work.File("one"), "--out", _work.File("ann"));

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(Names("ann"), Is.EqualTo(new[] { "a.png" }));
    }

    private string Copy(string source, string relative)
    {
        string path = _work.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(source, path);
        return path;
    }

    private string[] Names(string relative) => [.. Directory.EnumerateFileSystemEntries(_work.File(relative)).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private sealed class TestFolder
    {
        public TestFolder(string path)
        {
            Path = path;
            Directory.CreateDirectory(path);
        }

        public string Path { get; }

        public string File(string relative) => System.IO.Path.Combine(Path, relative);
    }

    private static void Link(string kind, string target, string link)
    {
        if (kind == "symbolic")
        {
            File.CreateSymbolicLink(link, target);
            return;
        }

        using var ln = System.Diagnostics.Process.Start("ln", [target, link])!;
        ln.WaitForExit();
        Assert.That(ln.ExitCode, Is.Zero);
    }
}
