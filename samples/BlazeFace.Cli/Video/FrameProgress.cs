using System.Diagnostics;
using System.Globalization;

namespace BlazeFace.Cli.Video;

/// <summary>
/// The video command's stderr: during a run longer than a second, "progress: frame I of N" about once a second
/// (stdout stays machine-readable); at the end one summary line of frames, seconds and frames per second.
/// </summary>
internal sealed class FrameProgress(TextWriter error)
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(1);

    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private TimeSpan _nextReport = s_interval;

    /// <summary>The frames the input announces, once it is open; null when unknown.</summary>
    public int? FrameCount { get; set; }

    /// <param name="framesDone">Frames completely processed so far.</param>
    public void Completed(int framesDone)
    {
        TimeSpan now = _elapsed.Elapsed;
        if (now < _nextReport)
        {
            return;
        }

        error.WriteLine(FrameCount is int total
            ? string.Create(CultureInfo.InvariantCulture, $"progress: frame {framesDone} of {total}")
            : string.Create(CultureInfo.InvariantCulture, $"progress: frame {framesDone}"));
        _nextReport = now + s_interval;
    }

    /// <summary>"video: F frames, S s, R frames/s", timed from opening the input to the last frame written.</summary>
    public void Summarize(int frames)
    {
        double seconds = _elapsed.Elapsed.TotalSeconds;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"video: {frames} frames, {seconds:0.000} s, {frames / seconds:0.0} frames/s"));
    }
}
