using System.Diagnostics;
using System.Globalization;

namespace BlazeFace.Benchmarks.Builds;

/// <summary>
/// <c>builds BASELINE/BlazeFace.dll CANDIDATE/BlazeFace.dll [ShortRange|FullRange|BackCamera ...] [--seconds S] [--rounds N]</c>:
/// two builds of the library (say, main and a branch) loaded side by side in one process, their network sessions run
/// on the same input alternately, call by call, the order swapped every pair, each call timed alone. Per round it
/// prints each build's minimum, 10th percentile and median and the ratios baseline / candidate: calls this finely
/// interleaved see the same machine, which a busy shared machine otherwise never gives two separate runs.
/// </summary>
internal static class BuildComparison
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("builds: usage: builds BASELINE/BlazeFace.dll CANDIDATE/BlazeFace.dll [ShortRange|FullRange|BackCamera ...] [--seconds S] [--rounds N]");
            return 1;
        }

        var models = new List<string>();
        double seconds = 10;
        int rounds = 3;
        for (int i = 2; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: models.Add(args[i]); break;
            }
        }

        if (models.Count == 0)
        {
            models.AddRange(["ShortRange", "FullRange"]);
        }

        Console.WriteLine($"baseline: {args[0]}; candidate: {args[1]}; {Environment.ProcessorCount} cores; load average {LoadAverage()}");
        Console.WriteLine("| model | round | calls each | baseline min / p10 / median µs | candidate min / p10 / median µs | baseline / candidate (min, p10, median) |");
        Console.WriteLine("| --- | ---: | ---: | --- | --- | --- |");
        foreach (string model in models)
        {
            float[] input = RandomInput(model, args[1]);
            BuildSession[] sessions = [new(args[0], model, input), new(args[1], model, input)];
            for (int warmup = 0; warmup < 300; warmup++)
            {
                sessions[0].Run();
                sessions[1].Run();
            }

            for (int round = 1; round <= rounds; round++)
            {
                List<double>[] times = [[], []];
                var clock = Stopwatch.StartNew();
                for (int pair = 0; clock.Elapsed.TotalSeconds < seconds; pair++)
                {
                    for (int k = 0; k < 2; k++)
                    {
                        int which = (pair + k) % 2;
                        long start = Stopwatch.GetTimestamp();
                        sessions[which].Run();
                        times[which].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                    }
                }

                Statistics baseline = new(times[0]), candidate = new(times[1]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {model} | {round} | {times[0].Count} | {baseline} | {candidate} | {baseline.Min / candidate.Min:0.000}, {baseline.P10 / candidate.P10:0.000}, {baseline.Median / candidate.Median:0.000} |"));
            }
        }

        return 0;
    }

    /// <summary>Values in [-1, 1], the detectors' input range, for the model's input tensor (sized by the candidate build).</summary>
    private static float[] RandomInput(string model, string libraryPath)
    {
        int size = model switch { "ShortRange" => 128, "FullRange" => 192, "BackCamera" => 256, _ => throw new ArgumentException($"builds: unknown model '{model}' ({libraryPath}).", nameof(model)) };
        var random = new Random(7);
        return [.. Enumerable.Range(0, size * size * 3).Select(_ => (float)((random.NextDouble() * 2) - 1))];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private readonly record struct Statistics(double Min, double P10, double Median)
    {
        public Statistics(List<double> times)
            : this(Sorted(times)[0], times[times.Count / 10], times[times.Count / 2])
        {
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Min:0} / {P10:0} / {Median:0}");

        private static List<double> Sorted(List<double> times)
        {
            times.Sort();
            return times;
        }
    }
}
