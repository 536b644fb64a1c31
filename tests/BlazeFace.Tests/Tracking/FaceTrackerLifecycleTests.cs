namespace BlazeFace.Tests.Tracking;

/// <summary>
/// How tracks are born, matched, coasted and ended, on made-up detections fed through the advanced overload (no
/// network runs), 30 frames per second.
/// </summary>
public sealed class FaceTrackerLifecycleTests : IDisposable
{
    private static readonly TimeSpan FrameTime = TimeSpan.FromSeconds(1.0 / 30);
    private readonly FaceDetector _detector = new();
    private readonly TrackedFace[] _faces = new TrackedFace[8];

    /// <summary>NUnit disposes the fixture after its last test.</summary>
    public void Dispose() => _detector.Dispose();

    [Test]
    public void A_new_face_is_reported_from_its_MinHits_th_consecutive_detection()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 3 });
        FaceDetection face = SyntheticFaces.At(100, 100, 80);

        Assert.That(Step(tracker, 0, face), Is.Zero);
        Assert.That(Step(tracker, 1, face), Is.Zero);
        Assert.That(Step(tracker, 2, face), Is.EqualTo(1));
        Assert.That(_faces[0].Hits, Is.EqualTo(3));
        Assert.That(_faces[0].Age, Is.EqualTo(3));
    }

    [Test]
    public void MinHits_of_one_reports_a_face_in_its_first_frame()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 1 });
        FaceDetection face = SyntheticFaces.At(100, 100, 80);

        Assert.That(Step(tracker, 0, face), Is.EqualTo(1));
        Assert.That(_faces[0].BoundingBox, Is.EqualTo(face.BoundingBox), "a new track starts at its detection");
        Assert.That(_faces[0].Keypoints, Is.EqualTo(face.Keypoints));
    }

    [Test]
    public void A_candidate_that_misses_a_frame_before_confirmation_is_dropped()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 3 });
        FaceDetection face = SyntheticFaces.At(100, 100, 80);

        Step(tracker, 0, face);
        Step(tracker, 1, face);
        Assert.That(Step(tracker, 2), Is.Zero, "a candidate does not coast");
        Step(tracker, 3, face);
        Step(tracker, 4, face);
        Assert.That(Step(tracker, 5, face), Is.EqualTo(1));
        Assert.That(_faces[0].TrackId, Is.EqualTo(2), "the face started over as a new candidate");
        Assert.That(_faces[0].Hits, Is.EqualTo(3));
    }

    [Test]
    public void A_confirmed_track_coasts_for_MaxMissedFrames_frames_then_ends()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 1, MaxMissedFrames = 3 });
        FaceDetection face = SyntheticFaces.At(100, 100, 80, score: 0.8f);
        Step(tracker, 0, face);

        for (int missed = 1; missed <= 3; missed++)
        {
            Assert.That(Step(tracker, missed), Is.EqualTo(1), $"missed frame {missed}");
            Assert.That(_faces[0].MissedFrames, Is.EqualTo(missed));
            Assert.That(_faces[0].Detection, Is.Null);
            Assert.That(_faces[0].Score, Is.EqualTo(0.8f), "the latest matched detection's score");
            Assert.That(_faces[0].Hits, Is.EqualTo(1));
            Assert.That(_faces[0].Age, Is.EqualTo(1 + missed));
        }

        Assert.That(Step(tracker, 4), Is.Zero);
    }

    [Test]
    public void MaxMissedFrames_of_zero_ends_a_track_at_its_first_miss()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 1, MaxMissedFrames = 0 });
        Step(tracker, 0, SyntheticFaces.At(100, 100, 80));

        Assert.That(Step(tracker, 1), Is.Zero);
    }

    [Test]
    public void A_coasting_face_moves_on_at_its_recent_velocity()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 1 });
        const float speed = 240f; // px/s to the right: 8 px per frame
        int frame = 0;
        for (; frame < 90; frame++)
        {
            Step(tracker, frame, SyntheticFaces.At(50 + (speed * frame / 30f), 200, 100));
        }

        float lastX = SyntheticFaces.Centre(_faces[0].BoundingBox).X;
        Step(tracker, frame);
        float coastedX = SyntheticFaces.Centre(_faces[0].BoundingBox).X;

        Assert.That(_faces[0].MissedFrames, Is.EqualTo(1));
        Assert.That(coastedX - lastX, Is.EqualTo(speed / 30f).Within(1e-3f * speed));
    }

    [Test]
    public void A_coasting_face_is_taken_up_again_by_a_detection_on_its_predicted_path()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 1 });
        int frame = 0;
        for (; frame < 60; frame++)
        {
            Step(tracker, frame, SyntheticFaces.At(50 + (8 * frame), 200, 100));
        }

        for (int gap = 0; gap < 8; gap++, frame++)
        {
            Step(tracker, frame);
        }

        // 8 missed frames at 8 px per frame: a detection at the face's real position is 64 px from where it was last seen.
        Assert.That(Step(tracker, frame, SyntheticFaces.At(50 + (8 * frame), 200, 100)), Is.EqualTo(1));
        Assert.That(_faces[0].TrackId, Is.EqualTo(1));
        Assert.That(_faces[0].MissedFrames, Is.Zero);
    }

    [Test]
    public void After_a_gap_in_which_more_than_MaxMissedFrames_frames_are_missing_a_face_is_a_new_track_at_once()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 1 });
        int frame = FollowAMovingFace(tracker, 30);

        // A day later the face is back where it was last seen; carried along its velocity it would be 20 million px away.
        FaceDetection back = SyntheticFaces.At(50 + (8 * frame), 200, 100);
        int count = tracker.Track([back], (frame * FrameTime) + TimeSpan.FromDays(1), _faces, out _);

        Assert.That(count, Is.EqualTo(1), "the old track ended rather than coasting across the gap");
        Assert.That(_faces[0].TrackId, Is.EqualTo(2));
        Assert.That(_faces[0].BoundingBox, Is.EqualTo(back.BoundingBox));
    }

    [Test]
    public void A_face_missing_after_a_long_gap_is_not_reported_carried_across_it()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 1, MaxMissedFrames = 10 });
        int frame = FollowAMovingFace(tracker, 30);

        // 12 frame intervals: 11 frames missing, one more than MaxMissedFrames.
        Assert.That(tracker.Track([], (frame + 11) * FrameTime, _faces, out _), Is.Zero);
    }

    [Test]
    public void A_gap_in_which_MaxMissedFrames_frames_are_missing_keeps_the_faces_id()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 1, MaxMissedFrames = 10 });
        int frame = FollowAMovingFace(tracker, 30);

        // 11 frame intervals: 10 frames missing, as many as the track may coast through.
        frame += 10;
        Assert.That(Step(tracker, frame, SyntheticFaces.At(50 + (8 * frame), 200, 100)), Is.EqualTo(1));
        Assert.That(_faces[0].TrackId, Is.EqualTo(1));
    }

    [Test]
    public void Faces_keep_their_ids_whatever_order_their_detections_come_in()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 1 });
        FaceDetection left = SyntheticFaces.At(100, 100, 80);
        FaceDetection right = SyntheticFaces.At(400, 100, 80);
        Step(tracker, 0, left, right);

        for (int frame = 1; frame < 10; frame++)
        {
            int count = frame % 2 == 0 ? Step(tracker, frame, left, right) : Step(tracker, frame, right, left);
            Assert.That(count, Is.EqualTo(2));
            Assert.That(_faces[0].TrackId, Is.EqualTo(1));
            Assert.That(_faces[0].Detection, Is.EqualTo(left));
            Assert.That(_faces[1].TrackId, Is.EqualTo(2));
            Assert.That(_faces[1].Detection, Is.EqualTo(right));
        }
    }

    [Test]
    public void Ids_are_never_reused_and_faces_are_listed_in_id_order()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 1, MaxMissedFrames = 0 });
        FaceDetection a = SyntheticFaces.At(100, 100, 80);
        FaceDetection b = SyntheticFaces.At(300, 100, 80);
        FaceDetection c = SyntheticFaces.At(500, 100, 80);

        Step(tracker, 0, a, b);
        int count = Step(tracker, 1, c, b);

        Assert.That(count, Is.EqualTo(2));
        Assert.That(_faces[..count].Select(f => f.TrackId), Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(_faces[1].Detection, Is.EqualTo(c));
    }

    [Test]
    public void Assignment_matches_the_most_tracks_rather_than_the_single_best_overlap()
    {
        // Two still tracks, A and B (100 px wide, 80 px apart). Detection d1 overlaps A best (IoU 0.45) but is B's
        // only match (0.41); d2 overlaps only A (0.38). Taking the best overlap first would pair A with d1 and leave B
        // and d2 unmatched; the optimal assignment pairs A with d2 and B with d1.
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 1 });
        FaceDetection a = SyntheticFaces.At(50, 50, 100);
        FaceDetection b = SyntheticFaces.At(130, 50, 100);
        Step(tracker, 0, a, b);
        Step(tracker, 1, a, b);
        FaceDetection d1 = SyntheticFaces.At(88, 50, 100);
        FaceDetection d2 = SyntheticFaces.At(5, 50, 100);
        Assert.That(a.BoundingBox.IntersectionOverUnion(d1.BoundingBox), Is.GreaterThan(b.BoundingBox.IntersectionOverUnion(d1.BoundingBox)));
        Assert.That(a.BoundingBox.IntersectionOverUnion(d1.BoundingBox), Is.GreaterThan(a.BoundingBox.IntersectionOverUnion(d2.BoundingBox)));
        Assert.That(b.BoundingBox.IntersectionOverUnion(d2.BoundingBox), Is.Zero);

        int count = Step(tracker, 2, d1, d2);

        Assert.That(count, Is.EqualTo(2), "no new track, none coasting");
        Assert.That(_faces[0].Detection, Is.EqualTo(d2));
        Assert.That(_faces[1].Detection, Is.EqualTo(d1));
    }

    [Test]
    public void A_detection_overlapping_a_track_less_than_MinIou_starts_a_new_track()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 1, MinIou = 0.5f });
        Step(tracker, 0, SyntheticFaces.At(100, 100, 100));

        // Shifted by 40% of its width: IoU 0.43.
        int count = Step(tracker, 1, SyntheticFaces.At(140, 100, 100));

        Assert.That(count, Is.EqualTo(2));
        Assert.That(_faces[0].MissedFrames, Is.EqualTo(1), "the old track coasts");
        Assert.That(_faces[1].TrackId, Is.EqualTo(2));
    }

    [Test]
    public void No_more_than_MaxTracks_tracks_live_at_once_and_the_best_detections_get_them()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 1, MaxTracks = 2 });

        int count = Step(tracker, 0, SyntheticFaces.At(100, 100, 80), SyntheticFaces.At(300, 100, 80), SyntheticFaces.At(500, 100, 80));

        Assert.That(count, Is.EqualTo(2));
        Assert.That(_faces[..2].Select(f => SyntheticFaces.Centre(f.BoundingBox).X), Is.EqualTo(new[] { 100f, 300f }));
    }

    [Test]
    public void A_short_destination_gets_the_oldest_tracks_and_tracked_counts_them_all()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 1 });
        FaceDetection[] detections = [SyntheticFaces.At(100, 100, 80), SyntheticFaces.At(300, 100, 80), SyntheticFaces.At(500, 100, 80)];
        var destination = new TrackedFace[2];

        int written = tracker.Track(detections, TimeSpan.Zero, destination, out int tracked);

        Assert.That(written, Is.EqualTo(2));
        Assert.That(tracked, Is.EqualTo(3));
        Assert.That(destination.Select(f => f.TrackId), Is.EqualTo(new long[] { 1, 2 }));
    }

    [Test]
    public void Duration_counts_the_time_since_the_first_detection()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 2 });
        FaceDetection face = SyntheticFaces.At(100, 100, 80);
        tracker.Track([face], TimeSpan.FromSeconds(10), _faces, out _);
        tracker.Track([face], TimeSpan.FromSeconds(10.04), _faces, out _);
        tracker.Track([], TimeSpan.FromSeconds(10.1), _faces, out _);

        Assert.That(_faces[0].Duration, Is.EqualTo(TimeSpan.FromSeconds(0.1)));
        Assert.That(_faces[0].Age, Is.EqualTo(3));
        Assert.That(_faces[0].Hits, Is.EqualTo(2));
    }

    [Test]
    public void Reset_forgets_every_track_and_starts_ids_again_from_one()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 1 });
        Step(tracker, 0, SyntheticFaces.At(100, 100, 80), SyntheticFaces.At(300, 100, 80));

        tracker.Reset();
        int count = tracker.Track([SyntheticFaces.At(500, 100, 80)], TimeSpan.Zero, _faces, out _);

        Assert.That(count, Is.EqualTo(1), "the old tracks are gone, not coasting");
        Assert.That(_faces[0].TrackId, Is.EqualTo(1));
    }

    [Test]
    public void The_list_overload_returns_what_the_span_overload_writes()
    {
        var viaSpan = new FaceTracker(_detector);
        var viaList = new FaceTracker(_detector);
        var frame = new Tests.Support.RgbImage(320, 240);
        for (int i = 0; i < 3; i++)
        {
            int count = viaSpan.Track(frame.AsView(), i * FrameTime, _faces, out _);
            Assert.That(viaList.Track(frame.AsView(), i * FrameTime), Is.EqualTo(_faces[..count]));
        }
    }

    [Test]
    public void A_detection_with_a_coordinate_that_is_not_finite_is_refused_and_changes_nothing()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 1 });
        FaceDetection face = SyntheticFaces.At(100, 100, 80);
        Step(tracker, 0, face);
        FaceDetection broken = face with { BoundingBox = face.BoundingBox with { X = float.NaN } };

        var error = Assert.Throws<ArgumentException>(() => tracker.Track([face, broken], FrameTime, _faces, out _));

        Assert.That(error!.ParamName, Is.EqualTo("detections"));
        Assert.That(Step(tracker, 1, face), Is.EqualTo(1));
        Assert.That(_faces[0].Hits, Is.EqualTo(2), "the refused frame was not counted");
    }

    /// <summary>Frames 0 to <paramref name="frames"/> - 1 with one face moving right at 8 px per frame; returns the next frame's number.</summary>
    private int FollowAMovingFace(FaceTracker tracker, int frames)
    {
        for (int frame = 0; frame < frames; frame++)
        {
            Step(tracker, frame, SyntheticFaces.At(50 + (8 * frame), 200, 100));
        }

        return frames;
    }

    private int Step(FaceTracker tracker, int frame, params FaceDetection[] detections) =>
        tracker.Track(detections, frame * FrameTime, _faces, out _);
}
