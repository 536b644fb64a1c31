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
    [TestCase(1e-300)]
    [TestCase(1.0 / 86_401)]
    public void A_frame_rate_that_is_not_finite_or_below_one_frame_a_day_is_refused(double framesPerSecond)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new FrameClock(framesPerSecond));

        Assert.That(error!.ParamName, Is.EqualTo("framesPerSecond"));
    }

    [Test]
    public void One_frame_a_day_is_the_slowest_rate_and_steps_a_day_at_a_time()
    {
        var clock = new FrameClock(1.0 / 86_400);

        Assert.That(new[] { clock.Next(), clock.Next(), clock.Next() }, Is.EqualTo(new[] { TimeSpan.Zero, TimeSpan.FromDays(1), TimeSpan.FromDays(2) }));
    }

    [Test]
    public void At_the_end_of_TimeSpan_a_frame_that_needs_a_step_is_refused_and_the_clock_keeps_its_place()
    {
        var clock = new FrameClock(25);
        clock.Next(TimeSpan.MaxValue);

        Assert.Throws<InvalidOperationException>(() => clock.Next());
        Assert.Throws<InvalidOperationException>(() => clock.Next(TimeSpan.MaxValue));
        Assert.Throws<InvalidOperationException>(() => clock.Next(TimeSpan.MinValue));
        clock.Reset();
        Assert.That(clock.Next(Ms(5)), Is.EqualTo(Ms(5)), "Reset starts a new stream");
    }

    private static readonly TimeSpan?[] s_times =
    [
        null, TimeSpan.MinValue, TimeSpan.MinValue + Ms(40), Ms(-1), TimeSpan.Zero, Ms(40), TimeSpan.FromDays(10_000_000),
        TimeSpan.MaxValue - Ms(60), TimeSpan.MaxValue - Ms(40), TimeSpan.MaxValue - Ms(20), TimeSpan.MaxValue,
    ];

    private static IEnumerable<TestCaseData> TimePairs() =>
        from first in s_times
        from second in s_times
        select new TestCaseData(first, second).SetArgDisplayNames(Name(first), Name(second));

    [TestCaseSource(nameof(TimePairs))]
    public void Every_reported_time_after_any_other_is_accepted_later_or_refused_leaving_the_clock_as_it_was(TimeSpan? first, TimeSpan? second)
    {
        var clock = new FrameClock(25);
        var twin = new FrameClock(25);
        TimeSpan previous = clock.Next(first);
        twin.Next(first);

        TimeSpan next;
        try
        {
            next = clock.Next(second);
        }
        catch (InvalidOperationException)
        {
            Assert.That(previous, Is.GreaterThan(TimeSpan.MaxValue - twin.FrameInterval), "refused only where no later step exists");

            // Refused: the clock goes on exactly as its twin, which never saw the refused frame.
            foreach (TimeSpan? then in s_times)
            {
                Assert.That(Outcome(clock, then), Is.EqualTo(Outcome(twin, then)), $"then {Name(then)}");
            }

            return;
        }

        Assert.That(next, Is.GreaterThan(previous));
    }

    /// <summary>What the clock says to the reported time: the timestamp, or "refused" (the clock is then unchanged).</summary>
    private static string Outcome(FrameClock clock, TimeSpan? reported)
    {
        try
        {
            return clock.Next(reported).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "refused";
        }
    }

    private static string Name(TimeSpan? time) => time switch
    {
        null => "none",
        { } t when t == TimeSpan.MinValue => "MinValue",
        { } t when t == TimeSpan.MaxValue => "MaxValue",
        { } t when t > TimeSpan.MaxValue - Ms(100) => $"MaxValue-{(TimeSpan.MaxValue - t).TotalMilliseconds:0}ms",
        { } t when t < TimeSpan.MinValue + Ms(100) => $"MinValue+{(t - TimeSpan.MinValue).TotalMilliseconds:0}ms",
        { } t => t.ToString(),
    };
}
