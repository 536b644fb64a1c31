using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Tracking;

/// <summary>Frame timestamps must increase strictly; a refused frame leaves the tracker as it was.</summary>
public sealed class FaceTrackerTimestampTests : IDisposable
{
    private readonly FaceDetector _detector = new();
    private readonly TrackedFace[] _faces = new TrackedFace[4];
    private readonly RgbImage _frame = new(160, 120);

    /// <summary>NUnit disposes the fixture after its last test.</summary>
    public void Dispose() => _detector.Dispose();

    [TestCase(999)]
    [TestCase(1000)]
    public void A_frame_not_later_than_the_previous_one_is_refused_naming_timestamp(int milliseconds)
    {
        var tracker = new FaceTracker(_detector);
        tracker.Track(_frame.AsView(), TimeSpan.FromSeconds(1));

        var error = Assert.Throws<ArgumentException>(() => tracker.Track(_frame.AsView(), TimeSpan.FromMilliseconds(milliseconds)));

        Assert.That(error!.ParamName, Is.EqualTo("timestamp"));
    }

    [TestCase(999)]
    [TestCase(1000)]
    public void Detections_not_later_than_the_previous_frame_are_refused_naming_timestamp(int milliseconds)
    {
        var tracker = new FaceTracker(_detector);
        tracker.Track([SyntheticFaces.At(50, 50, 40)], TimeSpan.FromSeconds(1), _faces, out _);

        var error = Assert.Throws<ArgumentException>(() => tracker.Track([SyntheticFaces.At(50, 50, 40)], TimeSpan.FromMilliseconds(milliseconds), _faces, out _));

        Assert.That(error!.ParamName, Is.EqualTo("timestamp"));
    }

    [Test]
    public void A_refused_frame_changes_nothing()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 1 });
        FaceDetection face = SyntheticFaces.At(50, 50, 40);
        tracker.Track([face], TimeSpan.FromSeconds(1), _faces, out _);

        Assert.Throws<ArgumentException>(() => tracker.Track([face], TimeSpan.FromSeconds(0.5), _faces, out _));
        tracker.Track([face], TimeSpan.FromSeconds(1.1), _faces, out _);

        Assert.That(_faces[0].TrackId, Is.EqualTo(1));
        Assert.That(_faces[0].Hits, Is.EqualTo(2));
        Assert.That(_faces[0].Duration, Is.EqualTo(TimeSpan.FromSeconds(0.1)));
    }

    [Test]
    public void The_first_frame_and_the_first_after_Reset_may_have_any_timestamp()
    {
        var tracker = new FaceTracker(_detector);
        tracker.Track(_frame.AsView(), TimeSpan.FromSeconds(-5));
        tracker.Track(_frame.AsView(), TimeSpan.FromSeconds(10));

        tracker.Reset();

        Assert.DoesNotThrow(() => tracker.Track(_frame.AsView(), TimeSpan.Zero));
    }

    [Test]
    public void A_frame_the_detector_refuses_changes_nothing()
    {
        var disposed = new FaceDetector();
        disposed.Dispose();
        var failing = new FaceTracker(disposed);

        Assert.Throws<ObjectDisposedException>(() => failing.Track(_frame.AsView(), TimeSpan.FromSeconds(1)));
        Assert.DoesNotThrow(() => failing.Track([], TimeSpan.FromSeconds(1), _faces, out _), "the failed frame's timestamp was not taken");
    }
}
