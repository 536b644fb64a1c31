using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace BlazeFace.Benchmarks;

/// <summary>The one job every benchmark class here runs under, plus Median and Min columns.</summary>
/// <remarks>
/// <para>
/// BenchmarkDotNet's default job lets the pilot and warm-up stages run until the numbers settle, often 15 to 100
/// iterations per case, which takes the 24 cases here well past half an hour on a busy 2-core machine. A fixed
/// 3 warm-up + 15 measured iterations of about 0.5 s each (the default iteration time, so even the slowest case,
/// the scalar full-range network at 65 to 120 ms, still runs several operations per iteration) in one process keeps
/// the whole suite, build included, under ten minutes.
/// </para>
/// <para>
/// On a shared machine other processes steal whole iterations, which inflates Mean and Error; Median and Min are
/// shown because they are far less sensitive to that. Before trusting a difference of a few percent, rerun the one
/// class with more iterations, e.g. <c>--filter '*Network*' --iterationCount 40</c>.
/// </para>
/// </remarks>
internal sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(15)
            .WithId("Quick"));
        AddColumn(StatisticColumn.Median, StatisticColumn.Min);
    }
}
