using System.Text.Json;
using OpenCvSharp;

namespace BlazeFace.Cli.Tests.Video;

/// <summary>
/// video --mesh: faces followed by the face mesh, as MediaPipe does: found by the detector on the first frame, then
/// carried by their landmarks; each face line gains presence and landmarks.
/// </summary>
public class VideoMeshTests
{
    private const int Frames = 24;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"blazeface-video-mesh-{Guid.NewGuid():N}");
    private string _avi = null!;

    [OneTimeSetUp]
    public void WriteVideo()
    {
        Directory.CreateDirectory(_folder);
        _avi = Path.Combine(_folder, "moving.avi");
        MovingFaceVideo.Write(_avi, "MJPG", Frames);
    }

    [OneTimeTearDown]
    public void DeleteVideo() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Each_frame_lists_the_face_with_its_id_box_presence_and_landmarks_and_the_detection_where_there_was_one()
    {
        CliRun run = CliRun.Of("video", _avi, "--json", "--mesh");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        List<JsonElement> frames = FrameLines.Parse(run);
        JsonElement first = FrameLines.Faces(frames[0]).Single();
        JsonElement later = FrameLines.Faces(frames[^1]).Single();
        Assert.Multiple(() =>
        {
            Assert.That(frames, Has.Count.EqualTo(Frames), "frames");
            Assert.That(frames.Select(FrameLines.Ids), Has.All.EqualTo(new long[] { 1 }), "one face, id 1 from the first frame on");
            Assert.That(first.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "score", "box", "keypoints", "presence", "landmarks" }), "the detector's frame");
            Assert.That(later.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "box", "presence", "landmarks" }), "a frame followed by landmarks");
            Assert.That(later.GetProperty("landmarks").GetArrayLength(), Is.EqualTo(468), "landmarks");
            Assert.That(later.GetProperty("presence").GetSingle(), Is.GreaterThan(0.5f), "presence");
        });
    }

    [Test]
    public void The_mesh_follows_the_moving_face_in_the_frames_pixels()
    {
        List<JsonElement> frames = FrameLines.Parse(CliRun.Of("video", _avi, "--json", "--mesh"));

        // The box around the landmarks is the face itself (smaller than a detection box, which takes in the forehead
        // less and the chin more), so its centre sits within a few pixels of the pasted face's centre.
        for (int i = 0; i < Frames; i++)
        {
            (float x, float y) = FrameLines.Centre(frames[i]);
            (float expectedX, float expectedY) = MovingFaceVideo.FaceCentre(i);
            Assert.That(x, Is.EqualTo(expectedX).Within(8), $"frame {i} x");
            Assert.That(y, Is.EqualTo(expectedY).Within(12), $"frame {i} y");
        }
    }

    [Test]
    public void Out_writes_every_frame_with_the_mesh_drawn()
    {
        string outPath = Path.Combine(_folder, "meshed.avi");

        CliRun run = CliRun.Of("video", _avi, "--mesh", "--out", outPath);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        using var capture = new VideoCapture(outPath);
        Assert.That((int)capture.Get(VideoCaptureProperties.FrameCount), Is.EqualTo(Frames));
    }

    [TestCase("--every", "--every", "2", "--mesh")]
    [TestCase("--max-faces", "--max-faces", "2")]
    [TestCase("--max-faces", "--mesh", "--max-faces", "0")]
    [TestCase("--max-faces", "--mesh", "--max-faces", "1025")]
    public void Options_that_do_not_fit_the_mesh_are_refused_with_one_line_naming_them_and_exit_code_1(string named, params string[] options)
    {
        CliRun run = CliRun.Of(["video", _avi, .. options]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), "exit code");
            Assert.That(run.ErrorLines.Single(), Does.Contain(named), "one line naming the option");
            Assert.That(run.StandardOutput, Is.Empty, "nothing on stdout");
        });
    }
}
