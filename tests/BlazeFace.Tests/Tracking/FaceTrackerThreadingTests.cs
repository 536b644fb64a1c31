using BlazeFace.Imaging;
using BlazeFace.Tests.Support;
using BlazeFace.Tests.Tracking.Video;

namespace BlazeFace.Tests.Tracking;

/// <summary>A tracker serves one stream at a time; a detector may serve several trackers at once.</summary>
public sealed class FaceTrackerThreadingTests : IDisposable
{
    private readonly FaceDetector _detector = new();

    /// <summary>NUnit disposes the fixture after its last test.</summary>
    public void Dispose() => _detector.Dispose();

    [Test]
    public void A_call_overlapping_another_on_the_same_tracker_is_refused()
    {
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var engine = new FakeEngine(run: _ =>
        {
            entered.Set();
            release.Wait(TimeSpan.FromSeconds(30));
        });
        using var detector = new FaceDetector(new FaceDetectorOptions { Engine = engine });
        var tracker = new FaceTracker(detector);
        var first = Task.Run(() => tracker.Track(new RgbImage(8, 8).AsView(), TimeSpan.Zero));
        Assert.That(entered.Wait(TimeSpan.FromSeconds(10)), Is.True, "the first call reached the network");

        Assert.Throws<InvalidOperationException>(() => tracker.Track(new RgbImage(8, 8).AsView(), TimeSpan.FromSeconds(1)));
        Assert.Throws<InvalidOperationException>(tracker.Reset);

        release.Set();
        Assert.That(first.Wait(TimeSpan.FromSeconds(10)), Is.True);
        Assert.DoesNotThrow(() => tracker.Track(new RgbImage(8, 8).AsView(), TimeSpan.FromSeconds(1)), "usable again once the first call is over");
    }

    [Test]
    public void Trackers_on_several_threads_sharing_one_detector_get_the_results_of_a_sequential_run()
    {
        FaceSprite sprite = FaceSprite.Cut(_detector, "astronaut.png", 160);
        List<TrackedFace>[] sequential = [Run(sprite, 0), Run(sprite, 1), Run(sprite, 2)];

        Task<List<TrackedFace>>[] concurrent = [.. Enumerable.Range(0, 3).Select(stream => Task.Run(() => Run(sprite, stream)))];
        Task.WaitAll(concurrent);

        for (int stream = 0; stream < 3; stream++)
        {
            Assert.That(concurrent[stream].Result, Is.EqualTo(sequential[stream]), $"stream {stream}");
            Assert.That(sequential[stream], Is.Not.Empty);
        }
    }

    /// <summary>One stream: the sprite crossing a noisy frame on a path of its own, 40 frames.</summary>
    private List<TrackedFace> Run(FaceSprite sprite, int stream)
    {
        var video = new SyntheticVideo(480, 360, 12, seed: stream);
        var tracker = new FaceTracker(_detector);
        var results = new List<TrackedFace>();
        var faces = new TrackedFace[4];
        for (int frame = 0; frame < 40; frame++)
        {
            ImageView image = video.Render([new Placement(sprite, (3 + stream) * frame, 20 + (30 * stream))]);
            int count = tracker.Track(image, TimeSpan.FromMilliseconds(33 * frame), faces, out _);
            results.AddRange(faces[..count]);
        }

        return results;
    }
}
