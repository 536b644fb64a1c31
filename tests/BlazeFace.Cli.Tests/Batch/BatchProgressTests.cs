using BlazeFace.Cli.Batch;

namespace BlazeFace.Cli.Tests.Batch;

/// <summary>Progress on stderr: a plain line every few seconds off a terminal, one live line on one, nothing for short runs.</summary>
public class BatchProgressTests
{
    [Test]
    public void Off_a_terminal_a_plain_line_comes_every_five_seconds_with_files_faces_rate_and_time_left()
    {
        var clock = new ManualClock();
        using var error = new StringWriter();
        var progress = new BatchProgress(100, error, live: false, clock);

        clock.Advance(TimeSpan.FromSeconds(4));
        progress.Completed(faces: 2, failed: false);
        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Completed(faces: 1, failed: true);
        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Completed(faces: 0, failed: false);

        Assert.That(Lines(error), Is.EqualTo(new[] { "progress: 2/100 files, 3 faces, 1 failed, 0.4 photos/s, ETA 4m05s" }));
    }

    [Test]
    public void On_a_terminal_one_line_is_redrawn_in_place_and_completed_at_the_end()
    {
        var clock = new ManualClock();
        using var error = new StringWriter();
        var progress = new BatchProgress(10, error, live: true, clock);

        for (int i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            progress.Completed(faces: 1, failed: false);
        }

        progress.Finish(stopped: false);

        string text = error.ToString();
        Assert.That(text.Count(c => c == '\n'), Is.EqualTo(1), "one line, redrawn");
        Assert.That(text, Does.StartWith("\r1/10 files, 1 faces, 0 failed, 1.0 photos/s, ETA 9s\u001b[K"));
        Assert.That(text, Does.EndWith("\rdone: 10/10 files, 10 faces, 0 failed, 1.0 photos/s, 10.0 s\u001b[K\n"));
    }

    [Test]
    public void An_error_line_first_clears_the_live_line()
    {
        var clock = new ManualClock();
        using var error = new StringWriter();
        var progress = new BatchProgress(50, error, live: true, clock);
        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Completed(faces: 0, failed: false);

        progress.Interrupt();

        Assert.That(error.ToString(), Does.EndWith("\r\u001b[K"));
    }

    [Test]
    public void A_run_of_fewer_than_ten_files_reports_nothing()
    {
        var clock = new ManualClock();
        using var error = new StringWriter();
        var progress = new BatchProgress(9, error, live: false, clock);

        for (int i = 0; i < 9; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            progress.Completed(faces: 1, failed: false);
        }

        progress.Finish(stopped: false);

        Assert.That(error.ToString(), Is.Empty);
    }

    [Test]
    public void A_stopped_run_says_so_in_its_last_line()
    {
        var clock = new ManualClock();
        using var error = new StringWriter();
        var progress = new BatchProgress(3600, error, live: false, clock);
        clock.Advance(TimeSpan.FromSeconds(2));
        progress.Completed(faces: 0, failed: false);

        progress.Finish(stopped: true);

        Assert.That(Lines(error).Last(), Is.EqualTo("stopped: 1/3,600 files, 0 faces, 0 failed, 0.5 photos/s, 2.0 s"));
    }

    [Test]
    public void The_time_left_is_given_in_hours_and_minutes_for_long_runs()
    {
        var clock = new ManualClock();
        using var error = new StringWriter();
        var progress = new BatchProgress(100_000, error, live: false, clock);

        clock.Advance(TimeSpan.FromSeconds(10));
        progress.Completed(faces: 0, failed: false);

        Assert.That(Lines(error).Single(), Does.EndWith("0.1 photos/s, ETA 277h46m"));
    }

    private static string[] Lines(StringWriter writer) => writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan time) => _ticks += time.Ticks;
    }
}
