using System.Numerics;
using BlazeFace.Imaging;
using BlazeFace.Landmarks;
using BlazeFace.Tests.Support;
using BlazeFace.Tests.Tracking.Video;

namespace BlazeFace.Tests.Landmarks;

/// <summary>
/// Video: a landmarker follows the faces of one stream as MediaPipe's face mesh does. The detector runs only while
/// fewer than MaxFaces faces are followed, each face's next region comes from its landmarks, faces keep their
/// identities, and the stream's state changes only with a frame that is processed whole.
/// </summary>
public sealed class FaceLandmarkerVideoTests : IDisposable
{
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(33);

    private readonly FaceDetector _spriteDetector = new();
    private readonly Lazy<FaceSprite> _astronaut;
    private readonly Lazy<FaceSprite> _hopper;

    public FaceLandmarkerVideoTests()
    {
        _astronaut = new(() => FaceSprite.Cut(_spriteDetector, "astronaut.png", 200));
        _hopper = new(() => FaceSprite.Cut(_spriteDetector, "grace_hopper.png", 180));
    }

    /// <summary>NUnit disposes the fixture after its last test.</summary>
    public void Dispose() => _spriteDetector.Dispose();

    [Test]
    public void The_detector_runs_on_the_first_frame_and_the_landmarks_carry_the_face_after_it()
    {
        var engine = new RecordingEngine();
        using var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { Engine = engine, SmoothLandmarks = false });
        var video = new SyntheticVideo(640, 480, noiseAmplitude: 4, seed: 1);
        var faces = new List<FaceMesh>();
        for (int frame = 0; frame < 12; frame++)
        {
            ImageView view = video.Render([new Placement(_astronaut.Value, 150 + (3 * frame), 120)]);
            faces.Add(landmarker.Track(view, FrameInterval * frame).Single());
        }

        float moved = Centre(faces[^1]).X - Centre(faces[0]).X;
        Assert.Multiple(() =>
        {
            Assert.That(engine.DetectorRuns, Is.EqualTo(1), "detector runs: the first frame only");
            Assert.That(engine.LandmarkRuns, Is.EqualTo(12), "landmark runs: one per frame");
            Assert.That(faces.Select(f => f.TrackId), Is.All.EqualTo(1L), "one identity throughout");
            Assert.That(faces[0].Detection, Is.Not.Null, "the first frame's face comes from a detection");
            Assert.That(faces.Skip(1).Select(f => f.Detection), Is.All.Null, "later ones from the previous landmarks");
            Assert.That(moved, Is.EqualTo(33f).Within(2f), "the mesh follows the face's 33-pixel move");
        });
    }

    [Test]
    public void A_lost_face_is_looked_for_again_and_comes_back_with_a_new_identity()
    {
        var engine = new RecordingEngine();
        using var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { Engine = engine });
        var video = new SyntheticVideo(640, 480, noiseAmplitude: 4, seed: 2);
        bool[] script = [true, true, true, false, false, true, true];
        var identities = new List<string>();
        var detectorRanOn = new List<int>();
        for (int frame = 0; frame < script.Length; frame++)
        {
            int before = engine.DetectorRuns;
            ImageView view = video.Render(script[frame] ? [new Placement(_astronaut.Value, 200, 100)] : []);
            identities.Add(string.Join(",", landmarker.Track(view, FrameInterval * frame).Select(f => f.TrackId)));
            if (engine.DetectorRuns > before)
            {
                detectorRanOn.Add(frame);
            }
        }

        // Frame 3 has no face: the landmark model rejects the followed region, the face is lost, so the detector runs
        // on frame 4 (nothing) and frame 5 (the face again, a new face to the stream).
        Assert.Multiple(() =>
        {
            Assert.That(identities, Is.EqualTo(new[] { "1", "1", "1", "", "", "2", "2" }), "identities per frame");
            Assert.That(detectorRanOn, Is.EqualTo(new[] { 0, 4, 5 }), "frames the detector ran on");
        });
    }

    [Test]
    public void With_room_for_more_faces_the_detector_runs_every_frame_and_a_face_it_finds_again_keeps_its_identity()
    {
        var engine = new RecordingEngine();
        using var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { Engine = engine, MaxFaces = 2 });
        var video = new SyntheticVideo(640, 480, noiseAmplitude: 4, seed: 3);
        var identities = new List<long>();
        for (int frame = 0; frame < 6; frame++)
        {
            ImageView view = video.Render([new Placement(_astronaut.Value, 200 + (2 * frame), 100)]);
            identities.AddRange(landmarker.Track(view, FrameInterval * frame).Select(f => f.TrackId));
        }

        // Each frame's detection overlaps the followed face's region by far more than 0.5, so it is that face.
        Assert.Multiple(() =>
        {
            Assert.That(engine.DetectorRuns, Is.EqualTo(6), "one face followed, room for two: the detector runs every frame");
            Assert.That(identities, Is.EqualTo(Enumerable.Repeat(1L, 6)), "one face, one identity, every frame");
        });
    }

    [Test]
    public void Two_faces_keep_two_identities_and_the_detector_rests_once_both_are_followed()
    {
        var engine = new RecordingEngine();
        using var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { Engine = engine, MaxFaces = 2 });
        var video = new SyntheticVideo(640, 480, noiseAmplitude: 4, seed: 4);
        var frames = new List<(long Id, float X)[]>();
        for (int frame = 0; frame < 5; frame++)
        {
            ImageView view = video.Render([new Placement(_astronaut.Value, 40 + (2 * frame), 100), new Placement(_hopper.Value, 400 - (2 * frame), 150)]);
            frames.Add([.. landmarker.Track(view, FrameInterval * frame).Select(f => (f.TrackId, Centre(f).X))]);
        }

        Assert.Multiple(() =>
        {
            Assert.That(engine.DetectorRuns, Is.EqualTo(1), "detector runs");
            Assert.That(frames.Select(f => f.Length), Is.All.EqualTo(2), "two faces every frame");
            Assert.That(frames.Select(f => f[0].Id), Is.All.EqualTo(frames[0][0].Id), "the first identity stays with its face");
            Assert.That(frames.Select(f => f[1].Id), Is.All.EqualTo(frames[0][1].Id), "the second too");
            Assert.That(frames[0].Select(f => f.Id).Order(), Is.EqualTo(new long[] { 1, 2 }), "identities 1 and 2");
            Assert.That(frames.Select(f => f[0].Id < f[1].Id), Is.All.True, "in identity order");
        });
    }

    [Test]
    public void The_next_frames_region_comes_from_the_previous_frames_landmarks()
    {
        using var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { SmoothLandmarks = false });
        var video = new SyntheticVideo(640, 480, noiseAmplitude: 0, seed: 5);
        ImageView view = video.Render([new Placement(_astronaut.Value, 200, 100)]);
        FaceMesh first = landmarker.Track(view, TimeSpan.Zero).Single();

        FaceMesh second = landmarker.Track(view, FrameInterval).Single();

        Assert.Multiple(() =>
        {
            Assert.That(second.Region, Is.EqualTo(FaceRegion.FromLandmarks(first.Landmarks)), "MediaPipe's landmarks-to-region of the first frame");
            Assert.That(second.Region.AngleDegrees, Is.Not.EqualTo(first.Region.AngleDegrees), "turned by the eye corners now, not by the detector's eye keypoints");
        });
    }

    [Test]
    public void The_first_frame_of_a_stream_gives_the_still_image_mesh()
    {
        using var landmarker = new FaceLandmarker();
        var video = new SyntheticVideo(640, 480, noiseAmplitude: 4, seed: 6);
        ImageView view = video.Render([new Placement(_astronaut.Value, 200, 100)]);
        FaceMesh still = landmarker.Detect(view).Single();

        FaceMesh first = landmarker.Track(view, TimeSpan.FromSeconds(7)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(first.Landmarks.ToArray(), Is.EqualTo(still.Landmarks.ToArray()), "landmarks (smoothing starts at the first frame's)");
            Assert.That(first.Region, Is.EqualTo(still.Region), "region");
            Assert.That(first.TrackId, Is.EqualTo(1), "identity");
        });
    }

    [Test]
    public void Timestamps_must_increase_and_a_refused_frame_changes_nothing()
    {
        var engine = new RecordingEngine();
        using var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { Engine = engine });
        var video = new SyntheticVideo(640, 480, noiseAmplitude: 4, seed: 7);
        ImageView Frame() => video.Render(new[] { new Placement(_astronaut.Value, 200, 100) });
        landmarker.Track(Frame(), TimeSpan.FromSeconds(1));
        int landmarkRuns = engine.LandmarkRuns;

        var same = Assert.Throws<ArgumentException>(() => landmarker.Track(Frame(), TimeSpan.FromSeconds(1)));
        var earlier = Assert.Throws<ArgumentException>(() => landmarker.Track(Frame(), TimeSpan.FromSeconds(0.5)));
        FaceMesh next = landmarker.Track(Frame(), TimeSpan.FromSeconds(1.1)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(same!.ParamName, Is.EqualTo("timestamp"), "an equal timestamp");
            Assert.That(earlier!.ParamName, Is.EqualTo("timestamp"), "an earlier timestamp");
            Assert.That(engine.LandmarkRuns, Is.EqualTo(landmarkRuns + 1), "the refused frames ran nothing");
            Assert.That(next.TrackId, Is.EqualTo(1), "the face is still followed");
            Assert.That(engine.DetectorRuns, Is.EqualTo(1), "without the detector");
        });
    }

    [Test]
    public void A_region_of_interest_outside_the_frame_is_refused_and_the_stream_is_left_as_it_was()
    {
        var engine = new RecordingEngine();
        using var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { Engine = engine, MaxFaces = 2 });
        var video = new SyntheticVideo(640, 480, noiseAmplitude: 4, seed: 8);
        ImageView Frame() => video.Render(new[] { new Placement(_astronaut.Value, 200, 100) });
        landmarker.Track(Frame(), TimeSpan.Zero);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            landmarker.Track(Frame(), FrameInterval, new ImageProcessingOptions { RegionOfInterest = new System.Drawing.Rectangle(600, 0, 100, 100) }));
        IReadOnlyList<FaceMesh> next = landmarker.Track(Frame(), FrameInterval);

        Assert.Multiple(() =>
        {
            Assert.That(error!.ParamName, Is.EqualTo("RegionOfInterest"));
            Assert.That(next.Select(f => f.TrackId), Is.EqualTo(new[] { 1L }), "the same face, and the refused frame's timestamp is free");
        });
    }

    [Test]
    public void A_default_frame_is_refused_naming_the_frame()
    {
        using var landmarker = new FaceLandmarker();

        var error = Assert.Throws<ArgumentException>(() => landmarker.Track(default, TimeSpan.Zero));

        Assert.That(error!.ParamName, Is.EqualTo("frame"));
    }

    [Test]
    public void One_landmarker_follows_one_stream_so_overlapping_Track_and_Reset_calls_are_refused_while_Detect_stays_free()
    {
        var engine = new RecordingEngine();
        using var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { Engine = engine });
        var video = new SyntheticVideo(640, 480, noiseAmplitude: 4, seed: 9);
        ImageView view = video.Render([new Placement(_astronaut.Value, 200, 100)]);
        byte[] pixels = view.Pixels.ToArray();
        Exception? track = null, reset = null;
        int detected = -1;
        engine.AfterLandmarkRun = () =>
        {
            engine.AfterLandmarkRun = null;
            track = Catch(() => landmarker.Track(new ImageView(pixels, 640, 480, ImagePixelFormat.Rgb24), TimeSpan.FromSeconds(9)));
            reset = Catch(landmarker.Reset);
            detected = landmarker.Detect(new ImageView(pixels, 640, 480, ImagePixelFormat.Rgb24)).Count;
        };

        landmarker.Track(view, TimeSpan.Zero);

        Assert.Multiple(() =>
        {
            Assert.That(track, Is.TypeOf<InvalidOperationException>(), "Track during Track");
            Assert.That(reset, Is.TypeOf<InvalidOperationException>(), "Reset during Track");
            Assert.That(detected, Is.EqualTo(1), "Detect during Track");
        });
    }

    [Test]
    public void Reset_starts_a_new_stream()
    {
        var engine = new RecordingEngine();
        using var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { Engine = engine });
        var video = new SyntheticVideo(640, 480, noiseAmplitude: 4, seed: 10);
        ImageView Frame(float x) => video.Render(new[] { new Placement(_astronaut.Value, x, 100) });
        landmarker.Track(Frame(200), TimeSpan.FromSeconds(5));
        landmarker.Track(Frame(202), TimeSpan.FromSeconds(6));

        landmarker.Reset();
        FaceMesh restarted = landmarker.Track(Frame(204), TimeSpan.Zero).Single();

        Assert.Multiple(() =>
        {
            Assert.That(restarted.TrackId, Is.EqualTo(1), "identities start again from 1");
            Assert.That(restarted.Detection, Is.Not.Null, "the new stream starts with the detector");
            Assert.That(engine.DetectorRuns, Is.EqualTo(2), "detector runs");
        });
    }

    [Test]
    public void A_frame_of_another_size_keeps_its_faces_their_regions_scaled_with_it()
    {
        // The same scene at 640x480 (twice, so that the second frame's region comes from landmarks, as the third's
        // will), then resampled to 800x600, as a camera switching resolution gives it.
        var engine = new RecordingEngine();
        using var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { Engine = engine });
        var video = new SyntheticVideo(640, 480, noiseAmplitude: 0, seed: 11);
        ImageView small = video.Render([new Placement(_astronaut.Value, 200, 100)]);
        RgbImage large = Resample(new RgbImage(640, 480, small.Pixels.ToArray()), 800, 600);
        landmarker.Track(small, TimeSpan.Zero);
        FaceMesh before = landmarker.Track(small, FrameInterval).Single();

        FaceMesh after = landmarker.Track(large.AsView(), 2 * FrameInterval).Single();

        Assert.Multiple(() =>
        {
            Assert.That(after.TrackId, Is.EqualTo(before.TrackId), "the same face");
            Assert.That(engine.DetectorRuns, Is.EqualTo(1), "found again without the detector");
            Assert.That(Centre(after).X, Is.EqualTo(Centre(before).X * 1.25f).Within(2f), "centre x scaled with the frame");
            Assert.That(Centre(after).Y, Is.EqualTo(Centre(before).Y * 1.25f).Within(2f), "centre y scaled with the frame");
            Assert.That(after.Bounds.Width, Is.EqualTo(before.Bounds.Width * 1.25f).Within(3f), "size scaled with the frame");
        });
    }

    [Test]
    public void Smoothing_steadies_the_landmarks_of_a_still_face()
    {
        // The same face, still, under fresh pixel noise every frame: what moves the landmarks is noise alone.
        float raw = StillFaceJitter(smooth: false);
        float smoothed = StillFaceJitter(smooth: true);

        // MediaPipe's parameters (0.05 Hz at rest) leave a still face's landmarks nearly frozen: measured here, they
        // move 8.6 times less than the landmark model's own (0.034 against 0.292 px a frame); half is required.
        TestContext.Out.WriteLine($"mean landmark move per frame: {raw:F3} px raw, {smoothed:F3} px smoothed");
        Assert.That(smoothed, Is.LessThan(raw / 2));
    }

    [Test]
    public void Smoothing_keeps_up_with_a_moving_face()
    {
        // A face moving 4 pixels a frame: the speed raises each coordinate's cut-off, so the smoothed mesh stays close.
        using var raw = new FaceLandmarker(new FaceLandmarkerOptions { SmoothLandmarks = false });
        using var smooth = new FaceLandmarker();
        var video = new SyntheticVideo(640, 480, noiseAmplitude: 4, seed: 12);
        float lag = 0;
        for (int frame = 0; frame < 20; frame++)
        {
            ImageView view = video.Render([new Placement(_astronaut.Value, 100 + (4 * frame), 100)]);
            byte[] pixels = view.Pixels.ToArray();
            FaceMesh a = raw.Track(view, FrameInterval * frame).Single();
            FaceMesh b = smooth.Track(new ImageView(pixels, 640, 480, ImagePixelFormat.Rgb24), FrameInterval * frame).Single();
            lag = Centre(a).X - Centre(b).X;
        }

        TestContext.Out.WriteLine($"smoothed mesh behind the raw one by {lag:F2} px at 4 px a frame");
        Assert.That(Math.Abs(lag), Is.LessThan(2f), "within half a frame's move");
    }

    private float StillFaceJitter(bool smooth)
    {
        using var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { SmoothLandmarks = smooth });
        var video = new SyntheticVideo(640, 480, noiseAmplitude: 12, seed: 13);
        Vector3[]? previous = null;
        double total = 0;
        int steps = 0;
        for (int frame = 0; frame < 30; frame++)
        {
            FaceMesh mesh = landmarker.Track(video.Render([new Placement(_astronaut.Value, 200, 100)]), FrameInterval * frame).Single();
            Vector3[] points = mesh.Landmarks.ToArray();
            if (previous is not null && frame >= 10)
            {
                total += points.Zip(previous, (p, q) => Vector2.Distance(new(p.X, p.Y), new(q.X, q.Y))).Average();
                steps++;
            }

            previous = points;
        }

        return (float)(total / steps);
    }

    private static Vector2 Centre(FaceMesh mesh) => new(mesh.Bounds.X + (mesh.Bounds.Width / 2), mesh.Bounds.Y + (mesh.Bounds.Height / 2));

    private static RgbImage Resample(RgbImage source, int width, int height)
    {
        var result = new RgbImage(width, height);
        double sx = (double)source.Width / width, sy = (double)source.Height / height;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                for (int c = 0; c < 3; c++)
                {
                    result.Pixels[(((y * width) + x) * 3) + c] = (byte)Math.Round(source.Bilinear(((x + 0.5) * sx) - 0.5, ((y + 0.5) * sy) - 0.5, c));
                }
            }
        }

        return result;
    }

    private static Exception? Catch(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
