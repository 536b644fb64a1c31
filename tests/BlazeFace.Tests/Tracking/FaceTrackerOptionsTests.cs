namespace BlazeFace.Tests.Tracking;

/// <summary>Options are checked when the tracker is created; each error names the option.</summary>
public sealed class FaceTrackerOptionsTests : IDisposable
{
    private readonly FaceDetector _detector = new();

    /// <summary>NUnit disposes the fixture after its last test.</summary>
    public void Dispose() => _detector.Dispose();

    private static IEnumerable<TestCaseData> InvalidOptions()
    {
        yield return new TestCaseData(new FaceTrackerOptions { MinHits = 0 }, "MinHits");
        yield return new TestCaseData(new FaceTrackerOptions { MaxMissedFrames = -1 }, "MaxMissedFrames");
        yield return new TestCaseData(new FaceTrackerOptions { MinIou = 0f }, "MinIou");
        yield return new TestCaseData(new FaceTrackerOptions { MinIou = 1.01f }, "MinIou");
        yield return new TestCaseData(new FaceTrackerOptions { MinIou = float.NaN }, "MinIou");
        yield return new TestCaseData(new FaceTrackerOptions { MaxTracks = 0 }, "MaxTracks");
        yield return new TestCaseData(new FaceTrackerOptions { MaxTracks = 1025 }, "MaxTracks");
        yield return new TestCaseData(new FaceTrackerOptions { MinCutoff = 0f }, "MinCutoff");
        yield return new TestCaseData(new FaceTrackerOptions { MinCutoff = float.PositiveInfinity }, "MinCutoff");
        yield return new TestCaseData(new FaceTrackerOptions { Beta = -1f }, "Beta");
        yield return new TestCaseData(new FaceTrackerOptions { Beta = float.NaN }, "Beta");
        yield return new TestCaseData(new FaceTrackerOptions { DerivativeCutoff = 0f }, "DerivativeCutoff");
        yield return new TestCaseData(new FaceTrackerOptions { DerivativeCutoff = float.NaN }, "DerivativeCutoff");
    }

    [TestCaseSource(nameof(InvalidOptions))]
    public void An_option_out_of_range_is_refused_naming_it(FaceTrackerOptions options, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new FaceTracker(_detector, options));

        Assert.That(error!.ParamName, Is.EqualTo(name));
    }

    [Test]
    public void The_limits_themselves_are_accepted()
    {
        var options = new FaceTrackerOptions { MinHits = 1, MaxMissedFrames = 0, MinIou = 1f, MaxTracks = 1024, Beta = 0f };

        Assert.DoesNotThrow(() => _ = new FaceTracker(_detector, options));
    }

    [Test]
    public void A_null_detector_is_refused()
    {
        var error = Assert.Throws<ArgumentNullException>(() => _ = new FaceTracker(null!));

        Assert.That(error!.ParamName, Is.EqualTo("detector"));
    }

    [Test]
    public void Null_options_mean_the_documented_defaults()
    {
        var tracker = new FaceTracker(_detector);

        Assert.That(tracker.Options.MinHits, Is.EqualTo(2));
        Assert.That(tracker.Options.MaxMissedFrames, Is.EqualTo(10));
        Assert.That(tracker.Options.MinIou, Is.EqualTo(0.3f));
        Assert.That(tracker.Options.MaxTracks, Is.EqualTo(32));
        Assert.That(tracker.Options.MinCutoff, Is.EqualTo(0.1f));
        Assert.That(tracker.Options.Beta, Is.EqualTo(20f));
        Assert.That(tracker.Options.DerivativeCutoff, Is.EqualTo(0.3f));
        Assert.That(tracker.Detector, Is.SameAs(_detector));
    }
}
