using System.Diagnostics;

namespace BlazeFace.Cli.Commands;

/// <summary>For long runs, a progress line on stderr at most once a second, so stdout stays machine-readable.</summary>
internal sealed class ProgressReporter(int total, TextWriter error)
{
    private const int MinimumFiles = 10;
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();

    public void Completed(int done, int failed)
    {
        if (total < MinimumFiles || (done < total && _sinceLast.ElapsedMilliseconds < 1000))
        {
            return;
        }

        error.WriteLine($"progress: {done}/{total} files, {failed} failed");
        _sinceLast.Restart();
    }
}
