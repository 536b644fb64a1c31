namespace BlazeFace.Tests.Tracking;

/// <summary>
/// The One-Euro smoothing on noise-free made-up motion, where its behaviour has a closed form: a first-order
/// low-pass filter with cut-off fc follows a ramp at speed v exactly v / (2 pi fc) behind, whatever the frame
/// intervals, and here fc = MinCutoff + Beta x (speed in face sizes per second).
/// </summary>
public sealed class FaceTrackerSmoothingTests : IDisposable
{
    private readonly FaceDetector _detector = new();
    private readonly TrackedFace[] _faces = new TrackedFace[4];

    /// <summary>NUnit disposes the fixture after its last test.</summary>
    public void Dispose() => _detector.Dispose();

    [Test]
    public void A_still_face_is_reported_exactly_where_it_is_detected()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 1 });
        FaceDetection face = SyntheticFaces.At(123.5f, 77.25f, 90);
        for (int frame = 0; frame < 30; frame++)
        {
            tracker.Track([face], TimeSpan.FromSeconds(frame / 30.0), _faces, out _);
        }

        Assert.That(_faces[0].BoundingBox, Is.EqualTo(face.BoundingBox));
        Assert.That(_faces[0].Keypoints, Is.EqualTo(face.Keypoints));
    }

    [TestCase(0.2)]
    [TestCase(1.0)]
    [TestCase(5.0)]
    public void Steady_motion_lags_by_the_first_order_amount_and_never_more_than_one_over_two_pi_Beta_face_sizes(double faceSizesPerSecond)
    {
        var options = new FaceTrackerOptions { MinHits = 1 };
        const float size = 100;
        double lag = SteadyLag(options, size, faceSizesPerSecond, _ => 1.0 / 30);

        double cutoff = options.MinCutoff + (options.Beta * faceSizesPerSecond);
        double expected = faceSizesPerSecond * size / (2 * Math.PI * cutoff);
        TestContext.Out.WriteLine(FormattableString.Invariant($"{faceSizesPerSecond} face sizes/s: lag {lag / size * 100:0.000}% of the face size, expected {expected / size * 100:0.000}%"));
        Assert.That(lag, Is.EqualTo(expected).Within(0.2).Percent);
        Assert.That(lag, Is.LessThan(size / (2 * Math.PI * options.Beta)));
    }

    [Test]
    public void Irregular_frame_intervals_leave_the_lag_of_steady_motion_unchanged()
    {
        var options = new FaceTrackerOptions { MinHits = 1 };
        var random = new Random(5);
        double steady = SteadyLag(options, 100, 1.0, _ => 1.0 / 30);
        double irregular = SteadyLag(options, 100, 1.0, _ => 0.01 + (0.06 * random.NextDouble()));

        Assert.That(irregular, Is.EqualTo(steady).Within(0.2).Percent);
    }

    [Test]
    public void A_near_face_and_a_far_face_moving_alike_lag_by_the_same_fraction_of_their_size()
    {
        var options = new FaceTrackerOptions { MinHits = 1 };
        double near = SteadyLag(options, 240, 0.7, _ => 1.0 / 30);
        double far = SteadyLag(options, 40, 0.7, _ => 1.0 / 30);

        Assert.That(near / 240, Is.EqualTo(far / 40).Within(0.2).Percent);
    }

    [Test]
    public void A_very_high_MinCutoff_passes_the_detections_through()
    {
        var tracker = new FaceTracker(_detector, new FaceTrackerOptions { MinHits = 1, MinCutoff = 1e9f });
        var random = new Random(9);
        for (int frame = 0; frame < 20; frame++)
        {
            FaceDetection face = SyntheticFaces.At(100 + (10 * random.NextSingle()), 100 + (10 * random.NextSingle()), 80 + random.NextSingle());
            tracker.Track([face], TimeSpan.FromSeconds(frame / 30.0), _faces, out _);

            Assert.That(_faces[0].BoundingBox.X, Is.EqualTo(face.BoundingBox.X).Within(1e-3f));
            Assert.That(_faces[0].Keypoints.NoseTip.Y, Is.EqualTo(face.Keypoints.NoseTip.Y).Within(1e-3f));
        }
    }

    /// <summary>How far behind a face moving right at a constant speed the smoothed centre settles, in pixels.</summary>
    private double SteadyLag(FaceTrackerOptions options, float size, double faceSizesPerSecond, Func<int, double> intervalOf)
    {
        var tracker = new FaceTracker(_detector, options);
        double speed = faceSizesPerSecond * size;
        double t = 0;
        double x = 0;
        for (int frame = 0; frame < 240; frame++)
        {
            t += frame == 0 ? 0 : intervalOf(frame);
            x = speed * t;
            tracker.Track([SyntheticFaces.At((float)x, 500, size)], TimeSpan.FromSeconds(t), _faces, out _);
        }

        return x - SyntheticFaces.Centre(_faces[0].BoundingBox).X;
    }
}
