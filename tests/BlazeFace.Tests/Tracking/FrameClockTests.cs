namespace BlazeFace.Tests.Tracking;

/// <summary>The clock keeps reported times that move forward and steps one nominal interval past any other.</summary>
public class FrameClockTests
{
    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    [Test]
    public void Reported_times_that_move_forward_are_kept_even_when_irregular()
    {
        var clock = new FrameClock(30);

        Assert.That(new[] { clock.Next(Ms(5)), clock.Next(Ms(40)), clock.Next(Ms(41)), clock.Next(Ms(200)) }, Is.EqualTo(new[] { Ms(5), Ms(40), Ms(41), Ms(200) }));
    }

    [Test]
    public void Without_reported_times_frames_are_one_nominal_interval_apart_from_zero()
    {
        var clock = new FrameClock(25);

        Assert.That(new[] { clock.Next(), clock.Next(), clock.Next() }, Is.EqualTo(new[] { Ms(0), Ms(40), Ms(80) }));
    }

    [Test]
    public void A_repeated_or_earlier_reported_time_is_replaced_by_one_interval_after_the_previous_frame()
    {
        var clock = new FrameClock(25);
        clock.Next(Ms(1000));

        Assert.That(clock.Next(Ms(1000)), Is.EqualTo(Ms(1040)), "repeated");
        Assert.That(clock.Next(Ms(0)), Is.EqualTo(Ms(1080)), "reset to zero");
        Assert.That(clock.Next(Ms(1100)), Is.EqualTo(Ms(1100)), "forward again: kept");
    }

    [Test]
    public void The_first_frame_takes_its_reported_time_whatever_it_is_and_so_does_the_first_after_Reset()
    {
        var clock = new FrameClock(30);
        Assert.That(clock.Next(Ms(-500)), Is.EqualTo(Ms(-500)));
        clock.Next(Ms(9000));

        clock.Reset();

        Assert.That(clock.Next(Ms(3)), Is.EqualTo(Ms(3)));
    }

    [Test]
    public void Timestamps_from_the_clock_are_always_accepted_by_the_tracker()
    {
        using var detector = new FaceDetector();
        var tracker = new FaceTracker(detector);
        var clock = new FrameClock(1e9);
        var faces = new TrackedFace[4];
        TimeSpan?[] reported = [null, Ms(10), Ms(10), Ms(5), null, Ms(10.0001), TimeSpan.Zero];

        foreach (TimeSpan? time in reported)
        {
            Assert.DoesNotThrow(() => tracker.Track([], clock.Next(time), faces, out _));
        }
    }

    [TestCase(0.0)]
    [TestCase(-30.0)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void A_frame_rate_that_is_not_positive_and_finite_is_refused(double framesPerSecond)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new FrameClock(framesPerSecond));

        Assert.That(error!.ParamName, Is.EqualTo("framesPerSecond"));
    }
}
