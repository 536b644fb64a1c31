using System.Text.Json;
using OpenCvSharp;

namespace BlazeFace.Cli.Tests.Video;

/// <summary>
/// The video command's bad inputs: each ends with exit code 2 and one error line, after every frame before the
/// damage has been reported and the annotated video finalised.
/// </summary>
public class VideoInputErrorTests
{
    private const int Frames = 20;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"blazeface-video-errors-{Guid.NewGuid():N}");
    private string _truncatedAvi = null!;

    [OneTimeSetUp]
    public void WriteTruncatedVideo()
    {
        Directory.CreateDirectory(_folder);
        string whole = Path.Combine(_folder, "whole.avi");
        MovingFaceVideo.Write(whole, "MJPG", Frames);
        byte[] bytes = File.ReadAllBytes(whole);
        _truncatedAvi = Path.Combine(_folder, "truncated.avi");
        File.WriteAllBytes(_truncatedAvi, bytes[..(bytes.Length / 2)]);
    }

    [OneTimeTearDown]
    public void DeleteVideos() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void A_missing_file_exits_with_2_and_one_line_naming_it()
    {
        string missing = Path.Combine(_folder, "missing.avi");

        CliRun run = CliRun.Of("video", missing, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardOutput, Is.Empty);
        Assert.That(run.ErrorLines.Single(), Is.EqualTo($"error: {missing}: no such file"));
    }

    [TestCase("text.avi", "not a video at all")]
    [TestCase("empty.mp4", "")]
    public void A_file_that_is_not_a_video_exits_with_2_and_one_line(string name, string content)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);

        CliRun run = CliRun.Of("video", path, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardOutput, Is.Empty);
        Assert.That(run.ErrorLines.Single(), Does.StartWith($"error: {path}: cannot be opened as a video"));
    }

    [Test]
    public void A_truncated_video_reports_the_frames_before_the_damage_then_exits_with_2_and_one_line()
    {
        CliRun run = CliRun.Of("video", _truncatedAvi, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        List<JsonElement> frames = FrameLines.Parse(run);
        Assert.That(frames, Has.Count.InRange(Frames / 4, Frames - 1));
        Assert.That(frames.Select(f => f.GetProperty("frame").GetInt32()), Is.EqualTo(Enumerable.Range(0, frames.Count)));
        Assert.That(FrameLines.Ids(frames[^1]), Is.EqualTo(new long[] { 1 }));
        Assert.That(FrameLines.ErrorLinesBesidesProgress(run).Single(),
            Is.EqualTo($"error: {_truncatedAvi}: frame {frames.Count} cannot be read (the file announces {Frames} frames; truncated or damaged); {frames.Count} frames processed"));
    }

    [Test]
    public void A_truncated_video_still_leaves_a_finalised_annotated_video_of_the_frames_before_the_damage()
    {
        string outPath = Path.Combine(_folder, $"annotated-{Guid.NewGuid():N}.mp4");

        CliRun run = CliRun.Of("video", _truncatedAvi, "--json", "--out", outPath);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        List<Mat> written = MovingFaceVideo.ReadAll(outPath);
        Assert.That(written, Has.Count.EqualTo(run.OutputLines.Length).And.Count.GreaterThan(0));
        written.ForEach(frame => frame.Dispose());
    }

    [Test]
    public void An_undecodable_frame_in_a_folder_stops_after_the_frames_before_it_with_2_and_one_line()
    {
        string frames = Path.Combine(_folder, $"frames-{Guid.NewGuid():N}");
        Directory.CreateDirectory(frames);
        for (int i = 0; i < 5; i++)
        {
            using Mat frame = MovingFaceVideo.Frame(i);
            Cv2.ImWrite(Path.Combine(frames, $"frame_{i}.png"), frame);
        }

        byte[] png = File.ReadAllBytes(Path.Combine(frames, "frame_3.png"));
        File.WriteAllBytes(Path.Combine(frames, "frame_3.png"), png[..(png.Length / 3)]);

        CliRun run = CliRun.Of("video", frames, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(FrameLines.Parse(run).Select(f => f.GetProperty("frame").GetInt32()), Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(run.ErrorLines.Single(), Does.StartWith($"error: {frames}: frame 3 cannot be read (frame_3.png: ").And.EndWith("; 3 frames processed"));
    }

    [Test]
    public void A_folder_without_frames_exits_with_2_and_one_line()
    {
        string empty = Path.Combine(_folder, $"empty-{Guid.NewGuid():N}");
        Directory.CreateDirectory(empty);
        File.WriteAllText(Path.Combine(empty, "readme.txt"), "no frames here");

        CliRun run = CliRun.Of("video", empty);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines.Single(), Does.StartWith($"error: {empty}: no image files"));
    }

    [Test]
    public void An_annotated_video_that_cannot_be_created_exits_with_2_and_one_line_before_any_frame_is_output()
    {
        string outPath = Path.Combine(_folder, "no-such-folder", "out.avi");

        CliRun run = CliRun.Of("video", Path.Combine(_folder, "whole.avi"), "--json", "--out", outPath);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardOutput, Is.Empty);
        Assert.That(run.ErrorLines.Single(), Does.StartWith($"error: {outPath}: cannot be written: the folder "));
    }

    [Test]
    public void A_model_file_that_cannot_be_read_exits_with_2_and_one_line()
    {
        string model = Path.Combine(_folder, "model.tflite");
        File.WriteAllBytes(model, [1, 2, 3, 4]);

        CliRun run = CliRun.Of("video", Path.Combine(_folder, "whole.avi"), "--model", model);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardOutput, Is.Empty);
        Assert.That(run.ErrorLines.Single(), Does.StartWith($"error: {model}: cannot load the model: "));
    }
}
