using BlazeFace.Cli.Tests.Video;
using BlazeFace.Tests.Support;

namespace BlazeFace.Cli.Tests.Hardening;

/// <summary>
/// The CLI's contract for a bad invocation, over a table of them: every flag of every command with an empty,
/// negative, huge, NaN and wrong-type value, and the invocations that once lost a user's file or ended in a stack
/// trace. Each exits with its documented code (1 a bad command line, 2 an input that cannot be read), prints exactly
/// one line on stderr and nothing on stdout, never "Unhandled exception" or a stack line, and leaves no file behind
/// in its folder (the current folder included).
/// </summary>
[NonParallelizable] // each run sets the process's current folder to the table's folder
public sealed class CliContractTests : IDisposable
{
    private const int Usage = 1;
    private const int BadInput = 2;

    /// <summary>Empty, negative, huge, NaN and wrong-type values: what a typo or a script's empty variable hands a flag.</summary>
    private static readonly string[] BadNumbers = ["", "-1", "99999999999999999999", "NaN", "abc"];

    private static readonly string Photo = RepositoryPaths.Asset("images/astronaut.png");

    private readonly TemporaryFolder _work = new();

    /// <summary>NUnit disposes the fixture after its last test.</summary>
    public void Dispose() => _work.Dispose();

    [OneTimeSetUp]
    public void CreateInputs()
    {
        File.Copy(Photo, _work.File("a.png"));
        Directory.CreateDirectory(_work.File("frames"));
        File.Copy(Photo, _work.File("frames/0.png"));
        File.Copy(Photo, _work.File("frames/1.png"));
        Directory.CreateDirectory(_work.File("clash/x"));
        Directory.CreateDirectory(_work.File("clash/y"));
        File.Copy(Photo, _work.File("clash/x/face.png"));
        File.Copy(Photo, _work.File("clash/x/face.jpg"));
        File.Copy(Photo, _work.File("clash/y/face.png"));
        MovingFaceVideo.Write(_work.File("clip.avi"), "MJPG", 4);
        File.CreateSymbolicLink(_work.File("clip-link.avi"), _work.File("clip.avi"));
        HardLink(_work.File("clip.avi"), _work.File("clip-hard.avi"));
        HardLink(_work.File("a.png"), _work.File("a-hard.png"));
        byte[] progressive = File.ReadAllBytes(Fixtures.Path("formats/jpeg-progressive.jpg"));
        File.WriteAllBytes(_work.File("cut-progressive.jpg"), progressive[..(progressive.Length * 6 / 10)]);
        File.WriteAllBytes(_work.File("model.tflite"), File.ReadAllBytes(RepositoryPaths.Asset("models/face_detection_front.tflite")));
    }

    private static IEnumerable<TestCaseData> BadInvocations()
    {
        // Every option of every command with every bad value.
        foreach (string value in BadNumbers)
        {
            yield return Row(Usage, "detect", "{a}", "--min-score", value);
            yield return Row(Usage, "detect", "{a}", "--nms", value);
            yield return Row(Usage, "detect", "{a}", "--resize", value);
            yield return Row(Usage, "detect", "{a}", "--out", value);
            yield return Row(Usage, "detect", "{a}", "--roi", value);
            yield return Row(Usage, "detect", "{a}", "--crops", "{work}/crops", "--crop-size", value);
            yield return Row(Usage, "detect", "{a}", "--jobs", value);
            yield return Row(Usage, "detect", "{a}", "--shard", value);
            yield return Row(Usage, "detect", "{a}", "--ext", value);
            yield return Row(Usage, "bench", "{a}", "--iterations", value);
            yield return Row(Usage, "bench", "{a}", "--threads", value);
            yield return Row(Usage, "video", "{frames}", "--min-score", value);
            yield return Row(Usage, "video", "{frames}", "--out", value);
            yield return Row(Usage, "video", "{frames}", "--every", value);
            yield return Row(Usage, "video", "{frames}", "--fps", value);
            // Any text but the empty one names a model file, which then cannot be read.
            yield return Row(value is "" ? Usage : BadInput, "detect", "--model", value, "{a}");
            yield return Row(value is "" ? Usage : BadInput, "bench", "{a}", "--model", value);
            yield return Row(value is "" ? Usage : BadInput, "export", "--model", value, "{work}/out.onnx");
            yield return Row(value is "" ? Usage : BadInput, "video", "{frames}", "--model", value);

            // A flag takes no value: the word after it is an input (missing), and "-1" is no option (a usage error).
            foreach (string flag in new[] { "--json", "--auto-rotate", "--tiles", "--allow-partial", "--full-resolution", "--recursive" })
            {
                yield return Row(value is "" or "-1" ? Usage : BadInput, "detect", flag, value);
            }

            foreach (string flag in new[] { "--json", "--allow-partial" })
            {
                yield return Row(value is "" or "-1" ? Usage : BadInput, "video", flag, value);
            }
        }

        // Values of the right type but out of range.
        yield return Row(Usage, "detect", "{a}", "--rotation", "");
        yield return Row(Usage, "detect", "{a}", "--rotation", "-361");
        yield return Row(Usage, "detect", "{a}", "--rotation", "1e40");
        yield return Row(Usage, "detect", "{a}", "--rotation", "NaN");
        yield return Row(Usage, "detect", "{a}", "--rotation", "abc");
        yield return Row(Usage, "detect", "{a}", "--roi", "-1,0,10,10");
        yield return Row(Usage, "detect", "{a}", "--roi", "0,0,600,600");
        yield return Row(Usage, "detect", "{a}", "--crop-size", "64");
        yield return Row(Usage, "detect", "{a}", "--crops", "{work}/crops", "--crop-size", "4097");
        yield return Row(Usage, "detect", "{a}", "--jobs", "0");
        yield return Row(Usage, "detect", "{a}", "--jobs", "257");
        yield return Row(Usage, "detect", "{a}", "--shard", "2/2");
        yield return Row(Usage, "detect", "{a}", "--shard", "0/1000001");
        yield return Row(Usage, "detect", "{a}", "--ext", "tiff");
        yield return Row(Usage, "video", "{frames}", "--fps", "1e-300");
        yield return Row(Usage, "video", "{frames}", "--fps", "Infinity");
        yield return Row(Usage, "video", "{frames}", "--every", "2147483648");
        yield return Row(Usage, "bench", "{a}", "--iterations", "20", "--threads", "200000000");
        yield return Row(Usage, "bench", "{a}", "--iterations", "1000000", "--threads", "2");

        // Empty paths and missing arguments.
        yield return Row(Usage, "detect", "");
        yield return Row(Usage, "detect", "{a}", "--crops", "");
        yield return Row(Usage, "detect", "{a}", "--resume", "");
        yield return Row(Usage, "detect", "{a}", "{frames}", "--out", "");
        yield return Row(Usage, "bench", "");
        yield return Row(Usage, "export", "");
        yield return Row(Usage, "export", "--model", "full", "");
        yield return Row(Usage, "video", "");
        yield return Row(Usage, "detect");
        yield return Row(Usage, "video");
        yield return Row(Usage, "bench");
        yield return Row(Usage, "export");
        yield return Row(Usage);
        yield return Row(Usage, "detcet", "{a}");
        yield return Row(Usage, "detect", "{a}", "--jsn");

        // Outputs that would replace an input, by its own path, another spelling, a symbolic link or a hard link.
        yield return Row(Usage, "detect", "{a}", "--out", "{a}");
        yield return Row(Usage, "detect", "{a}", "--out", "{work}/frames/../a.png");
        yield return Row(Usage, "detect", "{a}", "--out", "{work}/a-hard.png");
        yield return Row(Usage, "detect", "{a-hard}", "--out", "{a}");
        yield return Row(Usage, "detect", "{frames}", "--out", "{frames}");
        yield return Row(Usage, "video", "{clip}", "--out", "{clip}");
        yield return Row(Usage, "video", "{clip}", "--out", "{work}/clip-link.avi");
        yield return Row(Usage, "video", "{clip}", "--out", "{work}/clip-hard.avi");
        yield return Row(Usage, "video", "{work}/clip-link.avi", "--out", "{clip}");
        yield return Row(Usage, "export", "--model", "{work}/model.tflite", "{work}/model.tflite");
        yield return Row(Usage, "detect", "{a}", "--resume", "{a}");
        yield return Row(Usage, "detect", "{frames}", "--resume", "{work}/a-hard.png", "{a}");

        // Outputs of the wrong kind, and outputs that would overwrite each other.
        yield return Row(Usage, "detect", "{a}", "--out", "{frames}");
        yield return Row(Usage, "detect", "{a}", "--out", "{work}/annotated.tiff");
        yield return Row(Usage, "detect", "{a}", "{frames}", "--out", "{work}/annotated.png");
        yield return Row(Usage, "detect", "{a}", "{frames}", "--out", "{a}");
        yield return Row(Usage, "detect", "{a}", "--crops", "{a}");
        yield return Row(Usage, "detect", "{work}/clash/x", "{work}/clash/y", "--crops", "{work}/crops", "--out", "{work}/annotated");
        yield return Row(Usage, "detect", "{work}/clash/x", "--out", "{work}/annotated");
        yield return Row(Usage, "export", "{frames}");
        yield return Row(Usage, "video", "{clip}", "--out", "{work}/annotated.mkv");

        // Inputs that cannot be read: one line each, the path first.
        yield return Row(BadInput, "detect", "{work}/missing.png");
        yield return Row(BadInput, "detect", "{work}/cut-progressive.jpg");
        yield return Row(BadInput, "detect", "{work}/clash/x/face.png", "--out", "{work}/no-such-folder/out.png");
        yield return Row(BadInput, "bench", "{frames}");
        yield return Row(BadInput, "bench", "{work}/missing.png");
        yield return Row(BadInput, "export", "{work}/no-such-folder/out.onnx");
        yield return Row(BadInput, "video", "{work}/missing.avi");
        yield return Row(BadInput, "video", "{clip}", "--out", "{work}/no-such-folder/out.avi");
        yield return Row(BadInput, "detect", "{a}", "--model", "{frames}");
        yield return Row(BadInput, "detect", "{a}", "--resume", "{frames}");
        yield return Row(BadInput, "detect", "{a}", "--resume", "{clip}");
    }

    [TestCaseSource(nameof(BadInvocations))]
    public void A_bad_invocation_exits_with_its_code_one_line_on_stderr_nothing_on_stdout_and_no_file_left(int exitCode, string[] template)
    {
        string[] args = [.. template.Select(Expand)];
        string[] before = Snapshot();

        CliRun run = CliRun.In(_work.Path, args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(exitCode), run.StandardError);
            Assert.That(run.ErrorLines, Has.Length.EqualTo(1), run.StandardError);
            Assert.That(run.StandardOutput, Is.Empty);
            Assert.That(run.StandardError, Does.Not.Contain("Unhandled exception").And.Not.Contain("internal error"));
            Assert.That(run.StandardError.Split('\n').Where(line => line.StartsWith("   at ", StringComparison.Ordinal)), Is.Empty);
            Assert.That(Snapshot(), Is.EqualTo(before), "files in the folder, with their sizes and times");
        }
    }

    private static TestCaseData Row(int exitCode, params string[] args) =>
        new TestCaseData(exitCode, args).SetArgDisplayNames($"{exitCode}", string.Join(' ', args.Select(arg => arg.Length == 0 ? "''" : arg)));

    private string Expand(string arg) => arg
        .Replace("{a-hard}", _work.File("a-hard.png"), StringComparison.Ordinal)
        .Replace("{a}", _work.File("a.png"), StringComparison.Ordinal)
        .Replace("{frames}", _work.File("frames"), StringComparison.Ordinal)
        .Replace("{clip}", _work.File("clip.avi"), StringComparison.Ordinal)
        .Replace("{work}", _work.Path, StringComparison.Ordinal);

    /// <summary>Every file and folder under the table's folder (the current folder of each run), with size and last write time.</summary>
    private string[] Snapshot() =>
        [.. Directory.EnumerateFileSystemEntries(_work.Path, "*", SearchOption.AllDirectories)
            .Select(path => new FileInfo(path))
            .Select(info => $"{Path.GetRelativePath(_work.Path, info.FullName)} {(info.Exists ? info.Length : -1)} {info.LastWriteTimeUtc.Ticks}")
            .Order(StringComparer.Ordinal)];

    private static void HardLink(string existing, string link)
    {
        using var ln = System.Diagnostics.Process.Start("ln", [existing, link])!;
        ln.WaitForExit();
        Assert.That(ln.ExitCode, Is.Zero, $"ln {existing} {link}");
    }
}
