using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using BlazeFace.Web.Hosting;

namespace BlazeFace.Web.Bench;

/// <summary>
/// <c>bench IMAGE [--requests N] [--concurrency C] [--model M] [--url URL]</c>: sends N uploads of the image to
/// <c>POST /api/detect</c>, C at a time, and prints requests per second, latency percentiles, the server's own time
/// per image (its Server-Timing header), the 429s, the processor and the load average. Without --url it starts the
/// server in this process on a loopback port (its queue sized to C, so every request is served).
/// </summary>
internal static class LoadBenchmark
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (BenchSettings.Parse(args, out string? mistake) is not { } settings)
        {
            await error.WriteLineAsync($"blazeface-web bench: {mistake}");
            return 1;
        }

        byte[] image;
        try
        {
            image = await File.ReadAllBytesAsync(settings.ImagePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"{settings.ImagePath}: cannot read the image: {e.Message}");
            return 1;
        }

        WebApplication? server = null;
        Uri baseAddress;
        if (settings.Url is { } url)
        {
            baseAddress = url;
        }
        else
        {
            server = WebSampleApp.Create(["--urls", "http://127.0.0.1:0", $"--BlazeFace:MaxQueuedRequests={settings.Concurrency}", "--Logging:LogLevel:Default=Warning"]);
            await server.StartAsync();
            baseAddress = new Uri(server.Urls.First());
        }

        try
        {
            using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
            string path = $"/api/detect?model={Uri.EscapeDataString(settings.Model)}";
            string loadBefore = LoadAverage();

            // Warm-up: every working set the concurrency will use, and the JIT.
            await SendAllAsync(client, path, image, Math.Max(settings.Concurrency * 4, 20), settings.Concurrency);
            long start = Stopwatch.GetTimestamp();
            List<BenchSample> samples = await SendAllAsync(client, path, image, settings.Requests, settings.Concurrency);
            TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
            BenchReport.Write(output, settings, samples, elapsed, loadBefore, LoadAverage());
            return samples.TrueForAll(sample => sample.Status is 200 or 429) ? 0 : 2;
        }
        finally
        {
            if (server is not null)
            {
                await server.StopAsync();
                await server.DisposeAsync();
            }
        }
    }

    private static async Task<List<BenchSample>> SendAllAsync(HttpClient client, string path, byte[] image, int requests, int concurrency)
    {
        var samples = new List<BenchSample>(requests);
        int next = -1;
        async Task Worker()
        {
            while (Interlocked.Increment(ref next) < requests)
            {
                using var content = new ByteArrayContent(image);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                long sent = Stopwatch.GetTimestamp();
                using HttpResponseMessage response = await client.PostAsync(path, content);
                await response.Content.ReadAsByteArrayAsync();
                TimeSpan latency = Stopwatch.GetElapsedTime(sent);
                double? serverMilliseconds = response.Headers.TryGetValues("Server-Timing", out var timing) ? ServerTiming(timing.First()) : null;
                lock (samples)
                {
                    samples.Add(new BenchSample((int)response.StatusCode, latency.TotalMilliseconds, serverMilliseconds));
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker)));
        return samples;
    }

    /// <summary>The milliseconds of <c>detect;dur=12.3</c>.</summary>
    private static double? ServerTiming(string header)
    {
        int at = header.IndexOf("dur=", StringComparison.Ordinal);
        return at >= 0 && double.TryParse(header.AsSpan(at + 4), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;
    }

    /// <summary>The 1, 5 and 15-minute load averages (Linux), or "unknown".</summary>
    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
