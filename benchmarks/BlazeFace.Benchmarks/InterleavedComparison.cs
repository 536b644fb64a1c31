using System.Diagnostics;

namespace BlazeFace.Benchmarks;

/// <summary>
/// Times two calls alternately, call by call, and prints the median of each and their difference to the benchmark
/// log: on a shared machine whose load drifts over minutes, BenchmarkDotNet's cases (run one after another) can differ
/// by tens of percent for reasons unrelated to the code, while calls interleaved this finely see the same load.
/// </summary>
internal static class InterleavedComparison
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(6);

    public static void Report(string parameters, string baselineName, Action baseline, string candidateName, Action candidate)
    {
        baseline();
        candidate();
        var baselineTimes = new List<long>();
        var candidateTimes = new List<long>();
        var total = Stopwatch.StartNew();
        for (int pair = 0; total.Elapsed < Budget || pair < 200; pair++)
        {
            // Alternate which goes first, so neither always runs on the other's warm cache.
            if (pair % 2 == 0)
            {
                baselineTimes.Add(Time(baseline));
                candidateTimes.Add(Time(candidate));
            }
            else
            {
                candidateTimes.Add(Time(candidate));
                baselineTimes.Add(Time(baseline));
            }
        }

        double baselineMedian = Median(baselineTimes);
        double candidateMedian = Median(candidateTimes);
        Console.WriteLine(FormattableString.Invariant(
            $"// Interleaved check [{parameters}]: {baselineName} median {baselineMedian:0.0} us, {candidateName} median {candidateMedian:0.0} us ({(candidateMedian / baselineMedian) - 1:+0.0%;-0.0%}), {baselineTimes.Count} alternating pairs"));
    }

    private static long Time(Action action)
    {
        long start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetTimestamp() - start;
    }

    private static double Median(List<long> ticks)
    {
        ticks.Sort();
        double middle = ticks.Count % 2 == 1 ? ticks[ticks.Count / 2] : (ticks[(ticks.Count / 2) - 1] + ticks[ticks.Count / 2]) / 2.0;
        return middle * 1e6 / Stopwatch.Frequency;
    }
}
