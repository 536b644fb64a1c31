using System.Globalization;

namespace BlazeFace.Cli.Batch;

/// <summary>
/// Progress of a run over many photos, on stderr so stdout holds nothing but results: on a terminal one live line,
/// redrawn in place a few times a second; on a pipe, in a log file or in CI a plain line every few seconds. Both say
/// files done of the total, faces found, failures, photos per second and the time left; a run of fewer than
/// <see cref="MinimumFiles"/> files reports nothing.
/// </summary>
internal sealed class BatchProgress
{
    /// <summary>Runs shorter than this are over before progress would help.</summary>
    public const int MinimumFiles = 10;

    private static readonly TimeSpan s_liveInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan s_plainInterval = TimeSpan.FromSeconds(5);

    private readonly int _total;
    private readonly TextWriter _error;
    private readonly bool _live;
    private readonly TimeProvider _time;
    private readonly long _start;
    private TimeSpan _nextReport;
    private bool _lineShown;
    private int _done;
    private int _faces;
    private int _failed;

    /// <param name="total">The files the run will read.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="live">Whether stderr is a terminal that redraws a line in place (<see cref="IsTerminal"/>).</param>
    /// <param name="time">The clock.</param>
    public BatchProgress(int total, TextWriter error, bool live, TimeProvider time)
    {
        _total = total;
        _error = error;
        _live = live;
        _time = time;
        _start = time.GetTimestamp();
        _nextReport = live ? s_liveInterval : s_plainInterval;
    }

    /// <summary>Whether this process's stderr is a terminal that shows a live line: not redirected, not a dumb terminal, not in CI (whose logs keep every redraw).</summary>
    public static bool IsTerminal =>
        !Console.IsErrorRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        && Environment.GetEnvironmentVariable("TERM") != "dumb";

    /// <summary>Counts one photo done, with its faces or its failure, and reports when it is time to.</summary>
    public void Completed(int faces, bool failed)
    {
        _done++;
        _faces += faces;
        _failed += failed ? 1 : 0;
        TimeSpan elapsed = _time.GetElapsedTime(_start);
        if (_total < MinimumFiles || elapsed < _nextReport)
        {
            return;
        }

        _nextReport = elapsed + (_live ? s_liveInterval : s_plainInterval);
        if (_live)
        {
            _error.Write($"\r{Line(elapsed)}\u001b[K");
            _lineShown = true;
        }
        else
        {
            _error.WriteLine($"progress: {Line(elapsed)}");
        }
    }

    /// <summary>Clears the live line before another line is written to stderr (an error), so the two do not mix.</summary>
    public void Interrupt()
    {
        if (_lineShown)
        {
            _error.Write("\r\u001b[K");
            _lineShown = false;
        }
    }

    /// <summary>The last word: the live line completed, or a plain summary line, for runs of <see cref="MinimumFiles"/> or more.</summary>
    /// <param name="stopped">Whether the run was stopped before its end.</param>
    public void Finish(bool stopped)
    {
        if (_total < MinimumFiles)
        {
            return;
        }

        TimeSpan elapsed = _time.GetElapsedTime(_start);
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{(stopped ? "stopped" : "done")}: {_done:N0}/{_total:N0} files, {_faces:N0} faces, {_failed:N0} failed, {Rate(elapsed):0.0} photos/s, {elapsed.TotalSeconds:0.0} s");
        _error.WriteLine(_live ? $"\r{summary}\u001b[K" : summary);
        _lineShown = false;
    }

    private string Line(TimeSpan elapsed)
    {
        double rate = Rate(elapsed);
        string left = rate > 0 ? Duration(TimeSpan.FromSeconds((_total - _done) / rate)) : "--";
        return string.Create(CultureInfo.InvariantCulture,
            $"{_done:N0}/{_total:N0} files, {_faces:N0} faces, {_failed:N0} failed, {rate:0.0} photos/s, ETA {left}");
    }

    private double Rate(TimeSpan elapsed) => elapsed > TimeSpan.Zero ? _done / elapsed.TotalSeconds : 0;

    /// <summary>"45s", "12m05s", "2h13m": the time left to the precision it has.</summary>
    private static string Duration(TimeSpan time) =>
        time.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours}h{time.Minutes:00}m")
        : time.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{time.Minutes}m{time.Seconds:00}s")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Ceiling(time.TotalSeconds)}s");
}
