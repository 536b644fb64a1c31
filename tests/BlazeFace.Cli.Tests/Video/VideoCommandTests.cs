using System.Text.Json;
using OpenCvSharp;

namespace BlazeFace.Cli.Tests.Video;

/// <summary>
/// The video command on synthetic videos written in the test (MJPG in an AVI, MPEG-4 in an MP4, a folder of PNG
/// frames): one JSON line per frame with stable ids in the frame's pixels, --every, --fps, and --out.
/// </summary>
public class VideoCommandTests
{
    private const int Frames = 24;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"blazeface-video-{Guid.NewGuid():N}");
    private string _avi = null!;
    private string _mp4 = null!;

    [OneTimeSetUp]
    public void WriteVideos()
    {
        Directory.CreateDirectory(_folder);
        _avi = Path.Combine(_folder, "moving.avi");
        _mp4 = Path.Combine(_folder, "moving.mp4");
        MovingFaceVideo.Write(_avi, "MJPG", Frames);
        MovingFaceVideo.Write(_mp4, "mp4v", Frames);
    }

    [OneTimeTearDown]
    public void DeleteVideos() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Json_is_one_line_per_frame_with_the_documented_fields()
    {
        CliRun run = CliRun.Of("video", _avi, "--json");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        List<JsonElement> frames = FrameLines.Parse(run);
        Assert.That(frames, Has.Count.EqualTo(Frames));
        Assert.That(frames[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "frame", "time_ms", "faces" }));
        JsonElement face = FrameLines.Faces(frames[^1]).Single();
        Assert.That(face.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "score", "box", "keypoints" }));
        Assert.That(face.GetProperty("box").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "x", "y", "width", "height" }));
        Assert.That(face.GetProperty("keypoints").EnumerateArray().Select(k => k.GetProperty("name").GetString()),
            Is.EqualTo(new[] { "right_eye", "left_eye", "nose_tip", "mouth_center", "right_ear_tragion", "left_ear_tragion" }));
        Assert.That(face.GetProperty("score").GetSingle(), Is.InRange(0.5f, 1f));
    }

    [Test]
    public void Frames_are_numbered_in_order_and_timed_by_the_videos_frame_rate()
    {
        List<JsonElement> frames = FrameLines.Parse(CliRun.Of("video", _avi, "--json"));

        Assert.That(frames.Select(f => f.GetProperty("frame").GetInt32()), Is.EqualTo(Enumerable.Range(0, Frames)));
        double[] times = [.. frames.Select(f => f.GetProperty("time_ms").GetDouble())];
        Assert.That(times, Is.EqualTo(Enumerable.Range(0, Frames).Select(i => i * 1000 / MovingFaceVideo.FramesPerSecond)).Within(0.5));
    }

    [TestCase("moving.avi")]
    [TestCase("moving.mp4")]
    public void A_moving_face_keeps_id_1_in_every_frame_from_its_confirmation_on(string file)
    {
        List<JsonElement> frames = FrameLines.Parse(CliRun.Of("video", Path.Combine(_folder, file), "--json"));

        // The tracker reports a face once it has been detected in two frames (FaceTrackerOptions.MinHits).
        Assert.That(frames, Has.Count.EqualTo(Frames));
        Assert.That(FrameLines.Ids(frames[0]), Is.Empty);
        Assert.That(frames.Skip(1).Select(FrameLines.Ids), Has.All.EqualTo(new long[] { 1 }));
    }

    [TestCase("moving.avi")]
    [TestCase("moving.mp4")]
    public void Boxes_follow_the_face_in_the_frames_own_pixels(string file)
    {
        List<JsonElement> frames = FrameLines.Parse(CliRun.Of("video", Path.Combine(_folder, file), "--json"));

        for (int i = 4; i < Frames; i++)
        {
            (float x, float y) = FrameLines.Centre(frames[i]);
            (float expectedX, float expectedY) = MovingFaceVideo.FaceCentre(i);
            Assert.That(x, Is.EqualTo(expectedX).Within(6), $"frame {i}");
            Assert.That(y, Is.EqualTo(expectedY).Within(6), $"frame {i}");
        }
    }

    [Test]
    public void Detecting_every_third_frame_keeps_the_ids_and_a_line_per_frame_near_the_full_runs_boxes()
    {
        List<JsonElement> everyFrame = FrameLines.Parse(CliRun.Of("video", _avi, "--json"));
        List<JsonElement> everyThird = FrameLines.Parse(CliRun.Of("video", _avi, "--json", "--every", "3"));

        Assert.That(everyThird, Has.Count.EqualTo(Frames));
        // Confirmed at the second detection, frame 3; predicted on frames 4 and 5, detected again on 6...
        Assert.That(everyThird.Take(3).Select(FrameLines.Ids), Has.All.Empty);
        Assert.That(everyThird.Skip(3).Select(FrameLines.Ids), Has.All.EqualTo(new long[] { 1 }));
        for (int i = 6; i < Frames; i++)
        {
            (float x, float y) = FrameLines.Centre(everyThird[i]);
            (float fullX, float fullY) = FrameLines.Centre(everyFrame[i]);
            Assert.That(MathF.Sqrt(((x - fullX) * (x - fullX)) + ((y - fullY) * (y - fullY))), Is.LessThan(6), $"frame {i}");
        }
    }

    [Test]
    public void The_frames_in_between_move_with_the_face_rather_than_repeating_the_last_detection()
    {
        List<JsonElement> everyThird = FrameLines.Parse(CliRun.Of("video", _avi, "--json", "--every", "3"));

        // Frames 10 and 11 are predicted from frame 9's tracks; the face moves 4 px right per frame.
        float detected = FrameLines.Centre(everyThird[9]).X;
        Assert.That(FrameLines.Centre(everyThird[10]).X, Is.GreaterThan(detected + 1));
        Assert.That(FrameLines.Centre(everyThird[11]).X, Is.GreaterThan(FrameLines.Centre(everyThird[10]).X + 1));
    }

    [Test]
    public void Without_json_each_frame_is_one_readable_line_and_stderr_ends_with_the_throughput()
    {
        CliRun run = CliRun.Of("video", _avi);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.OutputLines, Has.Length.EqualTo(Frames));
        Assert.That(run.OutputLines[0], Does.StartWith("frame 0  0.000 s  0 faces"));
        Assert.That(run.OutputLines[5], Does.StartWith("frame 5  0.200 s  1 face  #1 ("));
        Assert.That(FrameLines.ErrorLinesBesidesProgress(run).Single(), Does.Match(@"^video: 24 frames, \d+\.\d{3} s, \d+\.\d frames/s$"));
    }

    [TestCase(".avi")]
    [TestCase(".mp4")]
    public void Out_writes_a_video_readable_back_with_every_frame_at_the_inputs_size(string extension)
    {
        string outPath = Path.Combine(_folder, $"annotated-{Guid.NewGuid():N}{extension}");

        CliRun run = CliRun.Of("video", _avi, "--out", outPath);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        List<Mat> written = MovingFaceVideo.ReadAll(outPath);
        try
        {
            Assert.That(written, Has.Count.EqualTo(Frames));
            Assert.That(written.Select(f => (f.Width, f.Height)), Has.All.EqualTo((MovingFaceVideo.Width, MovingFaceVideo.Height)));
            using var capture = new VideoCapture(outPath, VideoCaptureAPIs.FFMPEG);
            Assert.That(capture.Fps, Is.EqualTo(MovingFaceVideo.FramesPerSecond).Within(0.01));
        }
        finally
        {
            written.ForEach(frame => frame.Dispose());
        }
    }

    [Test]
    public void Out_draws_the_tracked_box_and_its_id_label_in_green()
    {
        string outPath = Path.Combine(_folder, $"annotated-{Guid.NewGuid():N}.avi");
        List<JsonElement> frames = FrameLines.Parse(CliRun.Of("video", _avi, "--json", "--out", outPath));

        List<Mat> written = MovingFaceVideo.ReadAll(outPath);
        try
        {
            const int frame = 20;
            FaceBox box = Fixtures.Box(FrameLines.Faces(frames[frame]).Single());
            int left = (int)MathF.Round(box.X);
            int top = (int)MathF.Round(box.Y);
            using Mat original = MovingFaceVideo.Frame(frame);

            // The box's left edge (2 px wide), along the middle half of its height, and the filled "#1" label above
            // its top-left corner (about 20 x 15 px).
            var edge = new Rect(left - 1, top + (int)(box.Height / 4), 3, (int)(box.Height / 2));
            var label = new Rect(left, top - 14, 20, 13);
            Assert.That(GreenPixels(original, edge) + GreenPixels(original, label), Is.Zero);
            Assert.That(GreenPixels(written[frame], edge), Is.GreaterThan(edge.Height), "box edge");
            Assert.That(GreenPixels(written[frame], label), Is.GreaterThan(label.Width * label.Height / 3), "id label");
        }
        finally
        {
            written.ForEach(f => f.Dispose());
        }
    }

    private static int GreenPixels(Mat frame, Rect region)
    {
        int count = 0;
        for (int y = region.Top; y < region.Bottom; y++)
        {
            for (int x = region.Left; x < region.Right; x++)
            {
                Vec3b bgr = frame.At<Vec3b>(y, x);
                count += bgr.Item1 > 150 && bgr.Item1 - Math.Max(bgr.Item0, bgr.Item2) > 60 ? 1 : 0;
            }
        }

        return count;
    }

    [Test]
    public void A_folder_of_frames_is_read_in_name_order_at_the_given_frame_rate()
    {
        using var frames = new TemporaryFolder();
        // Written out of order: the command sorts by name.
        foreach (int i in Enumerable.Range(0, 12).Reverse())
        {
            using Mat frame = MovingFaceVideo.Frame(i);
            Cv2.ImWrite(frames.File($"frame_{i:D3}.png"), frame);
        }

        File.WriteAllText(frames.File("notes.txt"), "not a frame");

        List<JsonElement> lines = FrameLines.Parse(CliRun.Of("video", frames.Path, "--json", "--fps", "10"));

        Assert.That(lines, Has.Count.EqualTo(12));
        Assert.That(lines.Select(f => f.GetProperty("time_ms").GetDouble()), Is.EqualTo(Enumerable.Range(0, 12).Select(i => i * 100.0)).Within(0.001));
        Assert.That(lines.Skip(1).Select(FrameLines.Ids), Has.All.EqualTo(new long[] { 1 }));
        for (int i = 4; i < lines.Count; i++)
        {
            Assert.That(FrameLines.Centre(lines[i]).X, Is.EqualTo(MovingFaceVideo.FaceCentre(i).X).Within(6), $"frame {i}");
        }
    }

    [Test]
    public void A_folder_of_frames_of_different_sizes_is_written_at_the_first_frames_size()
    {
        using var frames = new TemporaryFolder();
        for (int i = 0; i < 4; i++)
        {
            using Mat frame = MovingFaceVideo.Frame(i);
            using var resized = new Mat();
            Cv2.Resize(frame, resized, i % 2 == 0 ? frame.Size() : new Size(MovingFaceVideo.Width * 2, MovingFaceVideo.Height * 2));
            Cv2.ImWrite(frames.File($"frame_{i}.png"), resized);
        }

        string outPath = frames.File("out.avi");
        CliRun run = CliRun.Of("video", frames.Path, "--json", "--out", outPath);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        List<Mat> written = MovingFaceVideo.ReadAll(outPath);
        Assert.That(written.Select(f => (f.Width, f.Height)), Is.EqualTo(Enumerable.Repeat((MovingFaceVideo.Width, MovingFaceVideo.Height), 4)));
        written.ForEach(f => f.Dispose());
    }
}
