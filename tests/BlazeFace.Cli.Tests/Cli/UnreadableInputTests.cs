using System.Diagnostics;
using BlazeFace.Cli.Tests.Video;
using BlazeFace.Tests.Support;

namespace BlazeFace.Cli.Tests;

/// <summary>
/// Inputs the CLI cannot read give one line starting with their path, never a stack trace: a folder that may not be
/// listed, a folder where a file is expected, and truncated images (unless --allow-partial).
/// </summary>
public class UnreadableInputTests
{
    private static readonly string Photo = RepositoryPaths.Asset("images/astronaut.png");

    [Test]
    [Platform(Exclude = "Win", Reason = "Unix permissions")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_folder_that_may_not_be_listed_is_one_line_with_exit_code_2_and_the_other_images_still_run()
    {
        using var work = new TemporaryFolder();
        string locked = work.File("locked");
        Directory.CreateDirectory(locked);
        File.Copy(Photo, Path.Combine(locked, "a.png"));
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            (int exitCode, string output, string error) = RunAsUnprivilegedUser("detect", locked, Photo, "--json");

            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(), Does.StartWith($"error: {locked}: cannot list the folder: "));
            Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1), "the photo after the folder");
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [TestCase("bench")]
    [TestCase("detect-model")]
    public void A_folder_where_a_file_is_expected_says_it_is_a_folder(string where)
    {
        using var work = new TemporaryFolder();
        string[] args = where == "bench" ? ["bench", work.Path] : ["detect", Photo, "--model", work.Path];

        CliRun run = CliRun.Of(args);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines.Single(), Does.StartWith($"error: {work.Path}: ").And.Contain("is a folder, not").And.Not.Contain("denied"));
    }

    [Test]
    public void Bench_errors_start_with_the_path_they_are_about()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.png");

        CliRun run = CliRun.Of("bench", missing);

        Assert.That(run.ErrorLines.Single(), Does.StartWith($"error: {missing}: "));
    }

    [TestCase(10)]
    [TestCase(50)]
    [TestCase(99)]
    public void A_progressive_jpeg_cut_short_is_refused_with_2_and_one_line_naming_it(int percent)
    {
        using var work = new TemporaryFolder();
        string cut = CutCopy(work, "formats/jpeg-progressive.jpg", percent);

        CliRun run = CliRun.Of("detect", cut, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines.Single(), Is.EqualTo($"error: {cut}: The JPEG image is truncated: its data ends before the end-of-image marker."));
        Assert.That(run.StandardOutput, Is.Empty);
    }

    [TestCase("formats/jpeg-progressive.jpg")]
    [TestCase("formats/png-rgba.png")]
    [TestCase("formats/gif-animated.gif")]
    public void With_allow_partial_a_truncated_image_is_read_at_its_full_size(string fixture)
    {
        using var work = new TemporaryFolder();
        string cut = CutCopy(work, fixture, 60);

        JsonResult result = JsonResult.Of(CliRun.Of("detect", cut, "--json", "--allow-partial"));

        Assert.That((result.Width, result.Height), Is.EqualTo((256, 300)));
    }

    [Test]
    public void A_truncated_frame_stops_the_video_unless_allow_partial()
    {
        using var work = new TemporaryFolder();
        Directory.CreateDirectory(work.File("frames"));
        File.Copy(Fixtures.Path("formats/png-rgba.png"), work.File("frames/0.png"));
        byte[] whole = File.ReadAllBytes(Fixtures.Path("formats/png-rgba.png"));
        File.WriteAllBytes(work.File("frames/1.png"), whole[..(whole.Length - 5)]);

        CliRun refused = CliRun.Of("video", work.File("frames"), "--json");
        CliRun allowed = CliRun.Of("video", work.File("frames"), "--json", "--allow-partial");

        Assert.That(refused.ExitCode, Is.EqualTo(2));
        Assert.That(FrameLines.ErrorLinesBesidesProgress(refused).Single(), Does.Contain("frame 1 cannot be read").And.Contain("truncated"));
        Assert.That(allowed.ExitCode, Is.Zero, allowed.StandardError);
        Assert.That(allowed.OutputLines, Has.Length.EqualTo(2));
    }

    private static string CutCopy(TemporaryFolder work, string fixture, int percent)
    {
        byte[] bytes = File.ReadAllBytes(Fixtures.Path(fixture));
        string path = work.File("cut" + Path.GetExtension(fixture));
        File.WriteAllBytes(path, bytes[..(bytes.Length * percent / 100)]);
        return path;
    }

    /// <summary>
    /// Runs the CLI where file permissions apply: in process for an ordinary user, and for root (whom no permission
    /// stops) as a separate process under the unprivileged user 65534 (setpriv), which the test folder lets read.
    /// </summary>
    private static (int ExitCode, string Output, string Error) RunAsUnprivilegedUser(params string[] args)
    {
        if (Environment.UserName != "root")
        {
            CliRun run = CliRun.Of(args);
            return (run.ExitCode, run.StandardOutput, run.StandardError);
        }

        var start = new ProcessStartInfo("setpriv") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", Path.Combine(TestContext.CurrentContext.TestDirectory, "BlazeFace.Cli.dll") }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        // root's home is not readable by the other user; the .NET host needs none, but give it one it may read.
        start.Environment["HOME"] = Path.GetTempPath();
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(1)), Is.True);
        return (process.ExitCode, output.Result, error.Result);
    }

    private sealed record JsonResult(int Width, int Height)
    {
        public static JsonResult Of(CliRun run)
        {
            System.Text.Json.JsonElement root = Fixtures.SingleResult(run);
            return new JsonResult(root.GetProperty("width").GetInt32(), root.GetProperty("height").GetInt32());
        }
    }
}
