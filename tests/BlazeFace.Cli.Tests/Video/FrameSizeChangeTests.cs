using System.Text.Json;
using OpenCvSharp;

namespace BlazeFace.Cli.Tests.Video;

/// <summary>
/// The video command keeps tracking when the frame size changes mid-stream (adaptive-bitrate video switches
/// resolution; a folder of frames may mix sizes): one track id throughout, boxes in each frame's own pixels, and the
/// faces <c>detect</c> finds in the same frames.
/// </summary>
public class FrameSizeChangeTests
{
    private const int Frames = 15;

    /// <summary>The same scene at 640x480, 320x240 and 960x720 in turn: two, one and three times the synthetic video's 320x240 canvas.</summary>
    private static readonly Size[] Sizes = [new(640, 480), new(320, 240), new(960, 720)];

    private static double ScaleOf(int frame) => (double)Sizes[frame % Sizes.Length].Width / MovingFaceVideo.Width;

    [Test]
    public void The_same_scene_at_changing_sizes_keeps_one_id_with_boxes_in_each_frames_pixels_and_detects_faces()
    {
        using var folder = new TemporaryFolder();
        for (int i = 0; i < Frames; i++)
        {
            using Mat frame = MovingFaceVideo.Frame(i);
            using var resized = new Mat();
            Cv2.Resize(frame, resized, Sizes[i % Sizes.Length], interpolation: InterpolationFlags.Linear);
            Cv2.ImWrite(folder.File($"frame_{i:D3}.png"), resized);
        }

        List<JsonElement> tracked = FrameLines.Parse(CliRun.Of("video", folder.Path, "--json"));
        CliRun detected = CliRun.Of("detect", folder.Path, "--json");

        // The tracker reports a face from its second detection on (FaceTrackerOptions.MinHits).
        Assert.That(tracked, Has.Count.EqualTo(Frames));
        Assert.That(FrameLines.Ids(tracked[0]), Is.Empty);
        Assert.That(tracked.Skip(1).Select(FrameLines.Ids), Has.All.EqualTo(new long[] { 1 }));
        int[] detectCounts = [.. detected.OutputLines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("faces").GetArrayLength())];
        Assert.That(tracked.Skip(1).Select(frame => FrameLines.Faces(frame).Length), Is.EqualTo(detectCounts.Skip(1)), "detect's count of faces");
        for (int i = 4; i < Frames; i++)
        {
            (float x, float y) = FrameLines.Centre(tracked[i]);
            (float expectedX, float expectedY) = MovingFaceVideo.FaceCentre(i);
            double scale = ScaleOf(i);
            Assert.That(x, Is.EqualTo(expectedX * scale).Within(8 * scale), $"frame {i} at {Sizes[i % Sizes.Length]}");
            Assert.That(y, Is.EqualTo(expectedY * scale).Within(8 * scale), $"frame {i} at {Sizes[i % Sizes.Length]}");
        }
    }
}
