using System.Diagnostics;
using System.Text.Json;
using BlazeFace.Cli.Tests.Video;
using BlazeFace.Tests.Support;

namespace BlazeFace.Cli.Tests;

/// <summary>
/// Ctrl+C (SIGINT) or SIGTERM during a run over many photos: no new photo is started, every photo started is finished
/// and its result written, in input order, the exit code is 130, and --resume carries on where the run stopped.
/// </summary>
public sealed class DetectStopTests : IDisposable
{
    private const int Photos = 300;

    private readonly TemporaryFolder _work = new();
    private readonly string _library;
    private readonly string[] _expected;

    public DetectStopTests()
    {
        // Links to one photo, so the library costs no disk; each is read and decoded like a photo of its own.
        _library = _work.File("library");
        Directory.CreateDirectory(_library);
        string photo = RepositoryPaths.Asset("images/astronaut.png");
        _expected = [.. Enumerable.Range(0, Photos).Select(i => Path.Combine(_library, $"IMG_{i:0000}.png"))];
        foreach (string link in _expected)
        {
            File.CreateSymbolicLink(link, photo);
        }
    }

    public void Dispose() => _work.Dispose();

    private static string Cli => TestContext.CurrentContext.TestDirectory;

    [TestCase("INT")]
    [TestCase("TERM")]
    public void A_stop_writes_every_photo_started_in_order_and_exits_with_130(string signal)
    {
        using Process process = CliProcess.Start(Cli, "detect", _library, "--json", "--jobs", "2", "--full-resolution");
        string first = process.StandardOutput.ReadLine()!;
        CliProcess.Signal(process, signal);
        string rest = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(1)), Is.True);

        Assert.That(process.ExitCode, Is.EqualTo(130), error);
        string[] lines = [first, .. rest.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
        Assert.That(lines, Has.Length.LessThan(Photos), "stopped before the end");
        Assert.That(lines.Select(Image), Is.EqualTo(_expected[..lines.Length]), "whole lines, in input order, none missing");
        Assert.That(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], Does.StartWith($"stopped: {lines.Length}/{Photos} files, "));
    }

    [Test]
    public void A_run_stopped_with_resume_keeps_whole_lines_and_the_next_run_finishes_each_photo_once()
    {
        string results = _work.File("results.jsonl");
        using (Process process = CliProcess.Start(Cli, "detect", _library, "--resume", results, "--jobs", "2", "--full-resolution"))
        {
            Task<string> error = process.StandardError.ReadToEndAsync();
            var waited = Stopwatch.StartNew();
            while (new FileInfo(results) is not { Exists: true, Length: > 0 } && waited.Elapsed < TimeSpan.FromMinutes(1))
            {
                Thread.Sleep(10);
            }

            CliProcess.Signal(process, "INT");
            Assert.That(process.WaitForExit(TimeSpan.FromMinutes(1)), Is.True);
            Assert.That(process.ExitCode, Is.EqualTo(130), error.Result);
            Assert.That(process.StandardOutput.ReadToEnd(), Is.Empty);
        }

        string stopped = File.ReadAllText(results);
        Assert.That(stopped, Does.EndWith("\n"), "whole lines only");
        string[] kept = [.. stopped.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Image)];
        Assert.That(kept, Is.EqualTo(_expected[..kept.Length]));
        Assert.That(kept, Has.Length.LessThan(Photos));

        CliRun resumed = CliRun.Of("detect", _library, "--resume", results, "--jobs", "2");

        Assert.That(resumed.ExitCode, Is.Zero, resumed.StandardError);
        Assert.That(File.ReadAllLines(results).Select(Image), Is.EqualTo(_expected), "each photo once, the first run's lines first");
    }

    private static string Image(string line) => JsonDocument.Parse(line).RootElement.GetProperty("image").GetString()!;
}
