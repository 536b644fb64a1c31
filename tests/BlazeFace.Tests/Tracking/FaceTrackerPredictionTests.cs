namespace BlazeFace.Tests.Tracking;

/// <summary>Predict reports the tracks extrapolated to a later time and changes nothing.</summary>
public sealed class FaceTrackerPredictionTests : IDisposable
{
    private static readonly TimeSpan FrameTime = TimeSpan.FromSeconds(1.0 / 30);
    private readonly FaceDetector _detector = new();
    private readonly TrackedFace[] _faces = new TrackedFace[4];

    /// <summary>NUnit disposes the fixture after its last test.</summary>
    public void Dispose() => _detector.Dispose();

    [Test]
    public void Prediction_moves_the_face_on_at_its_velocity()
    {
        FaceTracker tracker = MovingFace(frames: 180, out TimeSpan last);
        (float lastX, _) = SyntheticFaces.Centre(_faces[0].BoundingBox);
        float lastNoseX = _faces[0].Keypoints.NoseTip.X;

        int count = tracker.Predict(last + TimeSpan.FromMilliseconds(50), _faces);

        Assert.That(count, Is.EqualTo(1));
        Assert.That(SyntheticFaces.Centre(_faces[0].BoundingBox).X - lastX, Is.EqualTo(240f * 0.05f).Within(0.02f));
        Assert.That(_faces[0].Keypoints.NoseTip.X - lastNoseX, Is.EqualTo(240f * 0.05f).Within(0.02f));
        Assert.That(_faces[0].Detection, Is.Null);
        Assert.That(_faces[0].Duration, Is.EqualTo(last + TimeSpan.FromMilliseconds(50)));
    }

    [Test]
    public void Prediction_at_the_last_frame_time_is_that_frame_result()
    {
        FaceTracker tracker = MovingFace(frames: 30, out TimeSpan last);
        TrackedFace tracked = _faces[0];

        tracker.Predict(last, _faces);

        Assert.That(_faces[0], Is.EqualTo(tracked with { Detection = null }));
    }

    [Test]
    public void Prediction_changes_nothing_the_next_frame_sees()
    {
        FaceTracker predicting = MovingFace(frames: 30, out TimeSpan last);
        FaceTracker plain = MovingFace(frames: 30, out _);
        predicting.Predict(last + TimeSpan.FromMilliseconds(10), _faces);
        predicting.Predict(last + TimeSpan.FromMilliseconds(20), _faces);

        FaceDetection next = SyntheticFaces.At(50 + (8 * 30), 200, 100);
        predicting.Track([next], last + FrameTime, _faces, out _);
        TrackedFace afterPrediction = _faces[0];
        plain.Track([next], last + FrameTime, _faces, out _);

        Assert.That(afterPrediction, Is.EqualTo(_faces[0]));
    }

    [Test]
    public void Prediction_for_a_time_before_the_last_frame_is_refused_naming_timestamp()
    {
        FaceTracker tracker = MovingFace(frames: 5, out TimeSpan last);

        var error = Assert.Throws<ArgumentException>(() => tracker.Predict(last - TimeSpan.FromTicks(1), _faces));

        Assert.That(error!.ParamName, Is.EqualTo("timestamp"));
    }

    [Test]
    public void Prediction_reports_only_confirmed_tracks_and_nothing_before_the_first_frame()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 2 });
        Assert.That(tracker.Predict(TimeSpan.FromSeconds(1), _faces), Is.Zero);

        tracker.Track([SyntheticFaces.At(100, 100, 80)], TimeSpan.FromSeconds(1), _faces, out _);

        Assert.That(tracker.Predict(TimeSpan.FromSeconds(1.01), _faces), Is.Zero, "a candidate is not reported");
    }

    /// <summary>A face moving right at 240 px/s (8 px per frame), tracked for <paramref name="frames"/> frames.</summary>
    private FaceTracker MovingFace(int frames, out TimeSpan last)
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 1 });
        last = TimeSpan.Zero;
        for (int frame = 0; frame < frames; frame++)
        {
            last = frame * FrameTime;
            tracker.Track([SyntheticFaces.At(50 + (8 * frame), 200, 100)], last, _faces, out _);
        }

        return tracker;
    }
}
