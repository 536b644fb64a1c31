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
    public void A_frame_so_late_that_a_tracks_duration_overflows_is_refused_naming_timestamp_and_changes_nothing()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 3 });
        FaceDetection face = SyntheticFaces.At(50, 50, 40);
        tracker.Track([face], TimeSpan.MinValue, _faces, out _);
        tracker.Track([face], TimeSpan.MinValue + Ms(33), _faces, out _);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => tracker.Track([face], TimeSpan.Zero, _faces, out _));

        Assert.That(error!.ParamName, Is.EqualTo("timestamp"));
        Assert.That(tracker.Track([face], TimeSpan.MinValue + Ms(66), _faces, out _), Is.EqualTo(1), "the refused frame was not taken");
        Assert.That((_faces[0].TrackId, _faces[0].Hits, _faces[0].Age, _faces[0].Duration), Is.EqualTo((1L, 3, 3, Ms(66))));
    }

    private static readonly TimeSpan[] s_times =
    [
        TimeSpan.MinValue, TimeSpan.MinValue + Ms(33), TimeSpan.FromDays(-1), TimeSpan.Zero, Ms(33), Ms(66), TimeSpan.FromDays(1),
        TimeSpan.MaxValue - Ms(66), TimeSpan.MaxValue - Ms(33), TimeSpan.MaxValue,
    ];

    private static IEnumerable<TestCaseData> StartsAndNextFrames() =>
        from start in s_times.Where(t => t <= TimeSpan.MaxValue - Ms(33))
        from next in s_times
        select new TestCaseData(start, next).SetArgDisplayNames(Name(start), Name(next));

    [TestCaseSource(nameof(StartsAndNextFrames))]
    public void Every_timestamp_is_accepted_or_refused_with_ArgumentException_leaving_ids_hits_ages_and_the_next_timestamp_as_they_were(TimeSpan start, TimeSpan next)
    {
        // Two trackers fed the same frames; one is also offered the frame at next. Where it is refused, the two must
        // go on identically: same tracks (ids, hits, ages, durations, boxes) and the same timestamps accepted next.
        var options = new FaceTrackerOptions { MinHits = 2 };
        var offered = new FaceTracker(_detector, options);
        var twin = new FaceTracker(_detector, options);
        FaceDetection face = SyntheticFaces.At(50, 50, 40);
        TimeSpan last = start + Ms(33);
        foreach (FaceTracker tracker in new[] { offered, twin })
        {
            tracker.Track([face], start, _faces, out _);
            tracker.Track([face], last, _faces, out _);
        }

        try
        {
            offered.Track([face], next, _faces, out _);
            Assert.That(next, Is.GreaterThan(last), "only a later frame may be taken");
            return;
        }
        catch (ArgumentException error)
        {
            Assert.That(error.ParamName, Is.EqualTo("timestamp"));
        }

        Assert.That(Predicted(offered, last), Is.EqualTo(Predicted(twin, last)), "the same tracks");
        Assert.That(Outcome(offered, face, last), Is.EqualTo("refused"), "the last accepted frame is still the last");
        Assert.That(Outcome(twin, face, last), Is.EqualTo("refused"));
        TimeSpan[] later = last == TimeSpan.MaxValue ? [] : [.. s_times.Where(t => t > last), last + TimeSpan.FromTicks(1)];
        foreach (TimeSpan then in later)
        {
            Assert.That(Outcome(offered, face, then), Is.EqualTo(Outcome(twin, face, then)), $"then {Name(then)}");
        }
    }

    [TestCaseSource(nameof(StartsAndNextFrames))]
    public void Every_prediction_time_is_answered_or_refused_with_ArgumentException(TimeSpan start, TimeSpan at)
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 2 });
        FaceDetection face = SyntheticFaces.At(50, 50, 40);
        tracker.Track([face], start, _faces, out _);
        tracker.Track([face], start + Ms(33), _faces, out _);

        try
        {
            Assert.That(tracker.Predict(at, _faces), Is.EqualTo(1));
            Assert.That(_faces[0].Duration, Is.EqualTo(at - start));
        }
        catch (ArgumentException error)
        {
            Assert.That(error.ParamName, Is.EqualTo("timestamp"));
        }
    }

    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    private static TrackedFace[] Predicted(FaceTracker tracker, TimeSpan at)
    {
        var faces = new TrackedFace[4];
        return faces[..tracker.Predict(at, faces)];
    }

    /// <summary>What the tracker does with a frame holding the face at <paramref name="at"/>: its tracks, or "refused".</summary>
    private static string Outcome(FaceTracker tracker, FaceDetection face, TimeSpan at)
    {
        var faces = new TrackedFace[4];
        try
        {
            int count = tracker.Track([face], at, faces, out _);
            return string.Join("; ", faces[..count]);
        }
        catch (ArgumentException)
        {
            return "refused";
        }
    }

    private static string Name(TimeSpan time) =>
        time == TimeSpan.MinValue ? "MinValue"
        : time == TimeSpan.MaxValue ? "MaxValue"
        : time < TimeSpan.MinValue + TimeSpan.FromDays(1) ? $"MinValue+{(time - TimeSpan.MinValue).TotalMilliseconds:0}ms"
        : time > TimeSpan.MaxValue - TimeSpan.FromDays(1) ? $"MaxValue-{(TimeSpan.MaxValue - time).TotalMilliseconds:0}ms"
        : time.ToString();

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
