using System.Globalization;

namespace BlazeFace.Web.Bench;

/// <summary>The bench command's report: what ran, where, and how fast, as plain lines.</summary>
internal static class BenchReport
{
    public static void Write(TextWriter output, BenchSettings settings, List<BenchSample> samples, TimeSpan elapsed, string loadBefore, string loadAfter)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        List<BenchSample> served = samples.FindAll(sample => sample.Status == 200);
        double[] latencies = [.. served.Select(sample => sample.LatencyMilliseconds).Order()];
        double[] serverTimes = [.. served.Where(sample => sample.ServerMilliseconds is not null).Select(sample => sample.ServerMilliseconds!.Value).Order()];
        output.WriteLine(string.Create(invariant, $"image {Path.GetFileName(settings.ImagePath)}, model {settings.Model}, {settings.Requests} requests, {settings.Concurrency} at a time, {(settings.Url is null ? "server in process on loopback" : settings.Url.ToString())}"));
        output.WriteLine($"processor: {ProcessorName()}, {Environment.ProcessorCount} logical cores; load average before {loadBefore}, after {loadAfter}");
        output.WriteLine(string.Create(invariant, $"served {served.Count}, busy (429) {samples.Count(sample => sample.Status == 429)}, other {samples.Count(sample => sample.Status is not (200 or 429))}"));
        output.WriteLine(string.Create(invariant, $"throughput: {served.Count / elapsed.TotalSeconds:0.0} requests/s over {elapsed.TotalSeconds:0.00} s"));
        if (latencies.Length > 0)
        {
            output.WriteLine(string.Create(invariant, $"latency ms: p50 {Percentile(latencies, 50):0.0}, p90 {Percentile(latencies, 90):0.0}, p99 {Percentile(latencies, 99):0.0}, max {latencies[^1]:0.0}"));
        }

        if (serverTimes.Length > 0)
        {
            output.WriteLine(string.Create(invariant, $"server time per image ms (decode + detect): p50 {Percentile(serverTimes, 50):0.0}, p90 {Percentile(serverTimes, 90):0.0}, mean {serverTimes.Average():0.0}"));
        }
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, int percent) => sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>The processor's model name and family from /proc/cpuinfo (family 25 is AMD Zen 3/4, 26 Zen 5), or what the runtime knows.</summary>
    private static string ProcessorName()
    {
        try
        {
            string[] lines = File.ReadAllLines("/proc/cpuinfo");
            string? Field(string name) => lines.FirstOrDefault(line => line.StartsWith(name, StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
            return $"{Field("model name")} (cpu family {Field("cpu family")})";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
