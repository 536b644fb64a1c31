using BlazeFace.Tests.Support;
using BlazeFace.Tests.Tracking.Video;

namespace BlazeFace.Tests.Tracking;

/// <summary>Once warm, the span overloads allocate nothing, whatever the tracks do (match, coast, end, start).</summary>
public sealed class FaceTrackerAllocationTests : IDisposable
{
    private readonly FaceDetector _detector = new();

    /// <summary>NUnit disposes the fixture after its last test.</summary>
    public void Dispose() => _detector.Dispose();

    [Test]
    public void Tracking_frames_into_a_span_allocates_nothing_once_warm()
    {
        FaceSprite sprite = FaceSprite.Cut(_detector, "astronaut.png", 200);
        var video = new SyntheticVideo(640, 480, 12, seed: 6);
        RgbImage withFace = Copy(video, [new Placement(sprite, 200, 120)]);
        RgbImage empty = Copy(video, []);
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MaxMissedFrames = 2 });
        var faces = new TrackedFace[4];
        int frame = 0;
        int Track(RgbImage image) => tracker.Track(image.AsView(), TimeSpan.FromMilliseconds(33 * frame++), faces, out _);

        // Each pass: a birth (or matches), coasting, the end of a track, and a second birth.
        RgbImage[] script = [withFace, withFace, withFace, empty, empty, empty, withFace, withFace, withFace];
        int reported = 0;
        void Pass()
        {
            reported = 0;
            foreach (RgbImage image in script)
            {
                reported += Track(image);
            }
        }

        long allocated = AllocationProbe.FewestBytesPerCall(Pass, warmUpCalls: 1);

        // Each pass after the first: 3 frames matched, 2 coasting, 1 where the track ends, 1 where a candidate starts, 2 matched.
        Assert.That(reported, Is.EqualTo(7), "the script exercised every branch");
        Assert.That(allocated, Is.Zero);
    }

    [Test]
    public void Tracking_detections_into_a_span_allocates_nothing_once_warm()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 1 });
        FaceDetection[] detections = [SyntheticFaces.At(100, 100, 80), SyntheticFaces.At(300, 100, 80)];
        var faces = new TrackedFace[4];
        int frame = 0;

        long allocated = AllocationProbe.FewestBytesPerCall(() => tracker.Track(detections, TimeSpan.FromMilliseconds(33 * frame++), faces, out _));

        Assert.That(allocated, Is.Zero);
    }

    private static RgbImage Copy(SyntheticVideo video, Placement[] placements)
    {
        var image = new RgbImage(video.Width, video.Height);
        video.Render(placements).Pixels.CopyTo(image.Pixels);
        return image;
    }
}
