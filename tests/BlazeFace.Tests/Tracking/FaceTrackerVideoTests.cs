using BlazeFace.Imaging;
using BlazeFace.Tests.Tracking.Video;

namespace BlazeFace.Tests.Tracking;

/// <summary>
/// The tracker on synthetic video: faces cut from the bundled photos, pasted onto a 640x480 grey canvas along known
/// paths, with fresh noise (±12 levels, uniform) on every pixel of every frame, at 30 frames per second unless a test
/// says otherwise. Default options throughout. The measured figures are printed for the README.
/// </summary>
public sealed class FaceTrackerVideoTests : IDisposable
{
    private const int Width = 640;
    private const int Height = 480;
    private const int Noise = 12;
    private static readonly TimeSpan FrameTime = TimeSpan.FromSeconds(1.0 / 30);

    private FaceDetector _detector = null!;

    [OneTimeSetUp]
    public void CreateDetector() => _detector = new FaceDetector();

    /// <summary>NUnit disposes the fixture after its last test.</summary>
    public void Dispose() => _detector.Dispose();

    /// <summary>A 240-pixel sprite holds a face of about 160 pixels (a webcam user at arm's length); 160 pixels, about 107.</summary>
    [TestCase(240)]
    [TestCase(160)]
    public void Still_face_keypoints_jitter_at_least_three_times_less_than_the_raw_detections(int spriteSize)
    {
        FaceSprite sprite = FaceSprite.Cut(_detector, "astronaut.png", spriteSize);
        var video = new SyntheticVideo(Width, Height, Noise, seed: 1);
        var tracker = new FaceTracker(_detector);
        var raw = new List<FaceKeypoints>();
        var smoothed = new List<FaceKeypoints>();
        var faces = new TrackedFace[4];
        const int settling = 15;
        for (int frame = 0; frame < 150; frame++)
        {
            ImageView image = video.Render([new Placement(sprite, 200, 120)]);
            int count = tracker.Track(image, frame * FrameTime, faces, out _);
            if (frame < settling)
            {
                continue;
            }

            Assert.That(count, Is.EqualTo(1), $"frame {frame}");
            Assert.That(faces[0].Detection, Is.Not.Null, $"frame {frame}: the still face is detected in every frame");
            raw.Add(faces[0].Detection!.Value.Keypoints);
            smoothed.Add(faces[0].Keypoints);
        }

        double rawJitter = KeypointJitter.Of(raw);
        double smoothedJitter = KeypointJitter.Of(smoothed);
        float boxWidth = faces[0].BoundingBox.Width;
        TestContext.Out.WriteLine(FormattableString.Invariant(
            $"Still face, box {boxWidth:0} px, {raw.Count} frames: keypoint jitter raw {rawJitter:0.00} px ({rawJitter / boxWidth * 100:0.00}% of the box), smoothed {smoothedJitter:0.00} px, {rawJitter / smoothedJitter:0.0}x lower"));
        Assert.That(rawJitter / smoothedJitter, Is.GreaterThanOrEqualTo(3.0));
    }

    [Test]
    public void Face_at_constant_speed_is_followed_within_two_percent_of_its_width_once_settled()
    {
        // 105 px/s right and 30 px/s down: about two thirds of the face's width per second.
        var velocity = (X: 105.0, Y: 30.0);
        PathRun run = RunStraightPath(velocity, frame => frame * FrameTime, frames: 110);
        TestContext.Out.WriteLine($"Constant speed, 30 fps: {run}");
        Assert.That(Math.Abs(run.Smoothed.Lag), Is.LessThanOrEqualTo(0.02), "lasting lag");
        Assert.That(run.Smoothed.Rms, Is.LessThanOrEqualTo(0.02), "distance from the path");
    }

    [Test]
    public void Variable_frame_rate_is_followed_as_closely_as_a_steady_one()
    {
        // Frame intervals drawn between 20 and 50 ms (20 to 50 frames per second); the face keeps its real-time speed.
        var random = new Random(7);
        var times = new List<TimeSpan> { TimeSpan.Zero };
        for (int i = 1; i < 110; i++)
        {
            times.Add(times[^1] + TimeSpan.FromMilliseconds(20 + (30 * random.NextDouble())));
        }

        PathRun run = RunStraightPath((105.0, 30.0), frame => times[frame], frames: 110);
        TestContext.Out.WriteLine($"Constant speed, frame intervals 20-50 ms: {run}");
        Assert.That(Math.Abs(run.Smoothed.Lag), Is.LessThanOrEqualTo(0.02), "lasting lag");
        Assert.That(run.Smoothed.Rms, Is.LessThanOrEqualTo(0.02), "distance from the path");
    }

    [Test]
    public void Detecting_every_third_frame_and_predicting_the_others_follows_the_face_with_one_id()
    {
        // The loop of the CLI's video command with --every 3: Track on frames 0, 3, 6, ..., Predict on the others.
        FaceSprite sprite = FaceSprite.Cut(_detector, "astronaut.png", 240);
        var video = new SyntheticVideo(Width, Height, Noise, seed: 8);
        var tracker = new FaceTracker(_detector);
        var clock = new FrameClock(30);
        var faces = new TrackedFace[tracker.Options.MaxTracks];
        var ids = new HashSet<long>();
        var centres = new List<(double X, double Y)>();
        var positions = new List<(double X, double Y)>();
        var rawCentres = new List<(double X, double Y)>();
        var rawPositions = new List<(double X, double Y)>();
        for (int frame = 0; frame < 110; frame++)
        {
            float left = 10 + (3.5f * frame);
            float top = 20 + frame;
            (double X, double Y) position = (MathF.Round(left) + (sprite.Size / 2.0), MathF.Round(top) + (sprite.Size / 2.0));
            ImageView image = video.Render([new Placement(sprite, left, top)]);
            TimeSpan time = clock.Next();
            int count = frame % 3 == 0 ? tracker.Track(image, time, faces, out _) : tracker.Predict(time, faces);
            if (frame < 30)
            {
                continue;
            }

            Assert.That(count, Is.EqualTo(1), $"frame {frame}");
            ids.Add(faces[0].TrackId);
            centres.Add(Centre(faces[0].BoundingBox));
            positions.Add(position);
            if (faces[0].Detection is FaceDetection detection)
            {
                rawCentres.Add(Centre(detection.BoundingBox));
                rawPositions.Add(position);
            }
        }

        float boxWidth = faces[0].BoundingBox.Width;
        PathDeviation deviation = PathDeviation.Measure(centres, positions, PathDeviation.DetectorOffset(rawCentres, rawPositions), (105, 30), boxWidth);
        TestContext.Out.WriteLine($"Detecting every third frame of 30, predicting the others, once settled: {deviation}");
        Assert.That(ids, Has.Count.EqualTo(1));
        Assert.That(Math.Abs(deviation.Lag), Is.LessThanOrEqualTo(0.02), "lasting lag");
        Assert.That(deviation.Rms, Is.LessThanOrEqualTo(0.02), "distance from the path");
    }

    [Test]
    public void Three_moving_faces_keep_their_ids_for_300_frames_including_hidden_frames()
    {
        FaceSprite[] sprites =
        [
            FaceSprite.Cut(_detector, "astronaut.png", 180),
            FaceSprite.Cut(_detector, "grace_hopper.png", 180),
            FaceSprite.Cut(_detector, "group_mosaic.png", 180, rank: 1),
        ];

        // Each face swings up and down its own third of the frame (periods 3, 4 and 5 s, up to 9 px per frame) and
        // sways sideways a little; their paths never overlap. Each is hidden once, the last for MaxMissedFrames frames.
        (int From, int To)[] hidden = [(100, 104), (180, 187), (250, 259)];
        var video = new SyntheticVideo(Width, Height, Noise, seed: 3);
        var tracker = new FaceTracker(_detector);
        Assert.That(hidden[2].To - hidden[2].From + 1, Is.EqualTo(tracker.Options.MaxMissedFrames));
        var faces = new TrackedFace[8];
        var lastId = new long?[3];
        var ids = new HashSet<long>();
        int switches = 0;
        int uncovered = 0;
        int coasting = 0;
        var placements = new Placement[3];
        for (int frame = 0; frame < 300; frame++)
        {
            double t = frame * FrameTime.TotalSeconds;
            var centres = new (double X, double Y)[3];
            int visible = 0;
            for (int i = 0; i < 3; i++)
            {
                double left = 17 + (213 * i) + (8 * Math.Sin((2 * Math.PI * t / 2.5) + i));
                double top = 150 + (130 * Math.Sin((2 * Math.PI * t / (3 + i)) + (2 * i)));
                centres[i] = (left + (sprites[i].Size / 2.0), top + (sprites[i].Size / 2.0));
                if (frame < hidden[i].From || frame > hidden[i].To)
                {
                    placements[visible++] = new Placement(sprites[i], (float)left, (float)top);
                }
            }

            int count = tracker.Track(video.Render(placements.AsSpan(0, visible)), frame * FrameTime, faces, out _);
            for (int i = 0; i < 3; i++)
            {
                TrackedFace? match = Nearest(faces.AsSpan(0, count), centres[i], sprites[i].FaceSide / 2);
                if (match is null)
                {
                    // A track is reported from its second detection (MinHits = 2).
                    uncovered += frame >= tracker.Options.MinHits - 1 ? 1 : 0;
                    continue;
                }

                coasting += match.Value.MissedFrames > 0 ? 1 : 0;
                switches += lastId[i] is long previous && previous != match.Value.TrackId ? 1 : 0;
                lastId[i] = match.Value.TrackId;
                ids.Add(match.Value.TrackId);
            }
        }

        TestContext.Out.WriteLine($"Three faces, 300 frames: {switches} id switches, {ids.Count} ids, {uncovered} face-frames without a track, {coasting} face-frames coasting (23 hidden)");
        Assert.That(switches, Is.Zero, "id switches");
        Assert.That(ids, Has.Count.EqualTo(3), "one id per face");
        Assert.That(uncovered, Is.Zero, "every face has a track in every frame, hidden ones included");
    }

    [TestCase(null)]
    [TestCase(4)]
    public void Face_hidden_for_MaxMissedFrames_frames_comes_back_with_its_id(int? maxMissedFrames)
    {
        var options = new FaceTrackerOptions { MaxMissedFrames = maxMissedFrames ?? new FaceTrackerOptions().MaxMissedFrames };
        HiddenRun run = RunHiddenFace(options, hiddenFrames: options.MaxMissedFrames);
        TestContext.Out.WriteLine($"Hidden for {options.MaxMissedFrames} frames: {run}");
        Assert.That(run.IdsAfter, Is.EqualTo(new[] { run.IdBefore }), "the same track, and no other, after the gap");
        Assert.That(run.CoastedFrames, Is.EqualTo(options.MaxMissedFrames), "reported, coasting, in every hidden frame");
    }

    [Test]
    public void Face_hidden_for_longer_than_MaxMissedFrames_comes_back_with_a_new_id()
    {
        var options = new FaceTrackerOptions();
        HiddenRun run = RunHiddenFace(options, hiddenFrames: options.MaxMissedFrames + 1);
        TestContext.Out.WriteLine($"Hidden for {options.MaxMissedFrames + 1} frames: {run}");
        Assert.That(run.IdsAfter, Has.Count.EqualTo(1));
        Assert.That(run.IdsAfter[0], Is.Not.EqualTo(run.IdBefore));
        Assert.That(run.CoastedFrames, Is.EqualTo(options.MaxMissedFrames), "coasting until the track ends");
    }

    private static TrackedFace? Nearest(ReadOnlySpan<TrackedFace> faces, (double X, double Y) centre, double within)
    {
        TrackedFace? best = null;
        double bestDistance = within;
        foreach (TrackedFace face in faces)
        {
            FaceBox box = face.BoundingBox;
            double distance = Math.Sqrt(Math.Pow(box.X + (box.Width / 2) - centre.X, 2) + Math.Pow(box.Y + (box.Height / 2) - centre.Y, 2));
            if (distance < bestDistance)
            {
                (best, bestDistance) = (face, distance);
            }
        }

        return best;
    }

    private static (double X, double Y) Centre(FaceBox box) => (box.X + (box.Width / 2.0), box.Y + (box.Height / 2.0));

    /// <summary>One face (a 240-pixel sprite) moving in a straight line from the top left at <paramref name="velocity"/> pixels per second.</summary>
    private PathRun RunStraightPath((double X, double Y) velocity, Func<int, TimeSpan> timeOf, int frames)
    {
        FaceSprite sprite = FaceSprite.Cut(_detector, "astronaut.png", 240);
        var video = new SyntheticVideo(Width, Height, Noise, seed: 2);
        var tracker = new FaceTracker(_detector);
        var faces = new TrackedFace[4];
        var smoothed = new List<(double X, double Y)>();
        var raw = new List<(double X, double Y)>();
        var positions = new List<(double X, double Y)>();
        double boxWidth = 0;
        const int settling = 30;
        for (int frame = 0; frame < frames; frame++)
        {
            double t = timeOf(frame).TotalSeconds;
            float left = (float)(10 + (velocity.X * t));
            float top = (float)(20 + (velocity.Y * t));
            int count = tracker.Track(video.Render([new Placement(sprite, left, top)]), timeOf(frame), faces, out _);
            if (frame < tracker.Options.MinHits - 1)
            {
                continue;
            }

            Assert.That(count, Is.EqualTo(1), $"frame {frame}");
            Assert.That(faces[0].Detection, Is.Not.Null, $"frame {frame}: the face is detected in every frame");
            smoothed.Add(Centre(faces[0].BoundingBox));
            raw.Add(Centre(faces[0].Detection!.Value.BoundingBox));

            // Where the sprite's centre really is: its position as pasted, rounded to whole pixels.
            positions.Add((MathF.Round(left) + (sprite.Size / 2.0), MathF.Round(top) + (sprite.Size / 2.0)));
            boxWidth += faces[0].Detection!.Value.BoundingBox.Width;
        }

        boxWidth /= raw.Count;
        int skip = settling - (tracker.Options.MinHits - 1);
        var settledRaw = raw.Skip(skip).ToList();
        var settledPositions = positions.Skip(skip).ToList();
        (double X, double Y) offset = PathDeviation.DetectorOffset(settledRaw, settledPositions);
        return new PathRun(
            PathDeviation.Measure(smoothed.Skip(skip).ToList(), settledPositions, offset, velocity, boxWidth),
            PathDeviation.Measure(settledRaw, settledPositions, offset, velocity, boxWidth),
            PathDeviation.Measure(smoothed.Take(skip).ToList(), positions.Take(skip).ToList(), offset, velocity, boxWidth),
            boxWidth);
    }

    /// <summary>One face moving at 90 px/s right and 30 px/s down, hidden from frame 40 for <paramref name="hiddenFrames"/> frames, followed for 20 frames after.</summary>
    private HiddenRun RunHiddenFace(FaceTrackerOptions options, int hiddenFrames)
    {
        FaceSprite sprite = FaceSprite.Cut(_detector, "astronaut.png", 200);
        var video = new SyntheticVideo(Width, Height, Noise, seed: 4);
        var tracker = new FaceTracker(_detector, options);
        var faces = new TrackedFace[4];
        const int hideFrom = 40;
        long idBefore = 0;
        int coasted = 0;
        double worstCoastingError = 0;
        var offsets = new List<(double X, double Y)>();
        var idsAfter = new HashSet<long>();
        for (int frame = 0; frame < hideFrom + hiddenFrames + 20; frame++)
        {
            float left = 20 + (3f * frame);
            float top = 40 + frame;
            (double X, double Y) spriteCentre = (MathF.Round(left) + (sprite.Size / 2.0), MathF.Round(top) + (sprite.Size / 2.0));
            bool hidden = frame >= hideFrom && frame < hideFrom + hiddenFrames;
            ImageView image = hidden ? video.Render([]) : video.Render([new Placement(sprite, left, top)]);
            int count = tracker.Track(image, frame * FrameTime, faces, out _);
            if (frame < hideFrom)
            {
                if (frame >= options.MinHits - 1)
                {
                    Assert.That(count, Is.EqualTo(1), $"frame {frame}");
                    (double x, double y) = Centre(faces[0].Detection!.Value.BoundingBox);
                    offsets.Add((x - spriteCentre.X, y - spriteCentre.Y));
                    idBefore = faces[0].TrackId;
                }
            }
            else if (hidden)
            {
                // The true path: the sprite's centre plus the detector's mean offset from it while the face was visible.
                (double X, double Y) truth = (spriteCentre.X + offsets.Average(o => o.X), spriteCentre.Y + offsets.Average(o => o.Y));
                for (int i = 0; i < count; i++)
                {
                    Assert.That(faces[i].Detection, Is.Null, $"frame {frame}: nothing was detected");
                    Assert.That(faces[i].MissedFrames, Is.EqualTo(frame - hideFrom + 1), $"frame {frame}");
                    (double x, double y) = Centre(faces[i].BoundingBox);
                    double error = Math.Sqrt(Math.Pow(x - truth.X, 2) + Math.Pow(y - truth.Y, 2));
                    worstCoastingError = Math.Max(worstCoastingError, error / faces[i].BoundingBox.Width);
                }

                coasted += count;
            }
            else if (frame >= hideFrom + hiddenFrames + options.MinHits)
            {
                for (int i = 0; i < count; i++)
                {
                    idsAfter.Add(faces[i].TrackId);
                }
            }
        }

        return new HiddenRun(idBefore, [.. idsAfter], coasted, worstCoastingError);
    }

    private sealed record PathRun(PathDeviation Smoothed, PathDeviation Raw, PathDeviation FirstSecond, double BoxWidth)
    {
        public override string ToString() => FormattableString.Invariant(
            $"box {BoxWidth:0} px; once settled (after 1 s) smoothed {Smoothed}; raw detections RMS {Raw.Rms * 100:0.00}%, max {Raw.Max * 100:0.00}%; first second smoothed {FirstSecond}");
    }

    private sealed record HiddenRun(long IdBefore, List<long> IdsAfter, int CoastedFrames, double WorstCoastingError)
    {
        public override string ToString() => FormattableString.Invariant(
            $"id {IdBefore} before, [{string.Join(", ", IdsAfter)}] after; coasting in {CoastedFrames} frames, coasting centre at most {WorstCoastingError * 100:0.0}% of the box width from the path");
    }
}
