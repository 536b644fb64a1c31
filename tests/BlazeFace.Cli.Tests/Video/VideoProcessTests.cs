using System.Diagnostics;
using System.Globalization;
using OpenCvSharp;

namespace BlazeFace.Cli.Tests.Video;

/// <summary>
/// The video command as a separate process, for what an in-process run cannot see: native libraries writing to the
/// process's own stderr (FFmpeg, OpenCV), and a CLI without OpenCV's native library (every tool platform but
/// linux-x64), simulated by a copy of the CLI without it.
/// </summary>
public class VideoProcessTests
{
    private const string OpenCvLibrary = "libOpenCvSharpExtern.so";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"blazeface-video-process-{Guid.NewGuid():N}");

    [OneTimeSetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder);

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void A_truncated_video_writes_nothing_to_stderr_but_the_one_error_line()
    {
        string whole = Path.Combine(_folder, "whole.avi");
        MovingFaceVideo.Write(whole, "MJPG", 12);
        byte[] bytes = File.ReadAllBytes(whole);
        string truncated = Path.Combine(_folder, "truncated.avi");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);

        (int exitCode, string output, string error) = CliProcess.Run(TestContext.CurrentContext.TestDirectory, "video", truncated, "--json");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.Not.Empty);
        // Without OPENCV_FFMPEG_LOGLEVEL FFmpeg would add "[mjpeg @ 0x...] overread 8" here.
        Assert.That(error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith("progress:", StringComparison.Ordinal)).Single(),
            Does.StartWith($"error: {truncated}: frame "));
    }

    [Test]
    public void Sigterm_stops_between_frames_with_130_keeping_every_line_and_a_finalised_annotated_video()
    {
        // 240 frames: more JSON lines than the pipe holds, so the CLI is still running (blocked on stdout) when the signal comes.
        string input = Path.Combine(_folder, "long.avi");
        MovingFaceVideo.WriteLooped(input, "MJPG", frames: 240, distinct: 24);
        string outPath = Path.Combine(_folder, "stopped.avi");

        using Process process = CliProcess.Start(TestContext.CurrentContext.TestDirectory, "video", input, "--json", "--out", outPath);
        string first = process.StandardOutput.ReadLine()!;
        CliProcess.Signal(process, "TERM");

        string rest = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(1)), Is.True);

        Assert.That(process.ExitCode, Is.EqualTo(130), error);
        int lines = 1 + rest.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.That(first, Does.StartWith("{\"frame\":0,"));
        Assert.That(lines, Is.LessThan(240));
        Assert.That(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], Does.StartWith($"video: {lines} frames, "));
        List<Mat> written = MovingFaceVideo.ReadAll(outPath);
        Assert.That(written, Has.Count.EqualTo(lines));
        written.ForEach(frame => frame.Dispose());
    }

    [Test]
    public void Without_opencvs_native_library_video_exits_with_2_and_one_line_naming_what_to_install()
    {
        string cli = CopyOfTheCli();
        File.Delete(Path.Combine(cli, OpenCvLibrary));

        (int exitCode, string output, string error) = CliProcess.Run(cli, "video", Path.Combine(_folder, "any.avi"), "--json");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(),
            Does.StartWith($"error: the video command needs OpenCV's native library {OpenCvLibrary}").And.Contain("OpenCvSharp4.official.runtime.linux-x64"));
    }

    [Test]
    public void With_an_unloadable_opencv_library_video_exits_with_2_and_one_line_giving_the_loaders_reason()
    {
        string cli = CopyOfTheCli();
        File.WriteAllText(Path.Combine(cli, OpenCvLibrary), "not a shared library");

        (int exitCode, _, string error) = CliProcess.Run(cli, "video", Path.Combine(_folder, "any.avi"));

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(),
            Does.StartWith($"error: the video command needs OpenCV, whose library {OpenCvLibrary} is here but could not be loaded (").And.Contain(OpenCvLibrary));
    }

    [Test]
    public void Without_opencvs_native_library_detect_still_works()
    {
        string cli = CopyOfTheCli();
        File.Delete(Path.Combine(cli, OpenCvLibrary));

        (int exitCode, string output, string error) = CliProcess.Run(cli, "detect", BlazeFace.Tests.Support.RepositoryPaths.Asset("images/astronaut.png"), "--json");

        Assert.That(exitCode, Is.Zero, error);
        Assert.That(output, Does.Contain("\"faces\":[{"));
    }

    /// <summary>The CLI's files (the test output holds them, with its deps.json and runtimeconfig.json) in a folder of their own.</summary>
    private string CopyOfTheCli()
    {
        string copy = Path.Combine(_folder, $"cli-{Guid.NewGuid():N}");
        Directory.CreateDirectory(copy);
        foreach (string file in Directory.EnumerateFiles(TestContext.CurrentContext.TestDirectory))
        {
            if (Path.GetFileName(file) != OpenCvLibrary)
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }
        }

        return copy;
    }
}
