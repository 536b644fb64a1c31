using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BlazeFace.Web.Tests.Support;

namespace BlazeFace.Web.Tests.Load;

/// <summary>
/// Under far more concurrent uploads than it has detection slots, the server answers every one, with the right
/// result or a 429, keeps its memory bounded by its limits rather than by the load, and keeps answering /healthz.
/// Loopback only, a fixed number of requests, and a deadline.
/// </summary>
[Category("Load")]
public class LoadTests
{
    /// <summary>Concurrent clients, each sending <see cref="RequestsPerClient"/> uploads one after the other.</summary>
    private const int Clients = 300;
    private const int RequestsPerClient = 3;
    private const int Requests = Clients * RequestsPerClient;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The most the process (server and clients) may grow while the load runs. The server reads at most one body per
    /// detection slot (425 KB here) and decodes at most one image per slot (1 MB), whatever the load; Kestrel buffers
    /// at most 1 MB of each connection's unread body. A server that read and decoded every request it received would
    /// hold 300 bodies and 300 images at once (over 400 MB).
    /// </summary>
    private const long MaxGrowthBytes = 200L * 1024 * 1024;

    [Test]
    public async Task Three_hundred_concurrent_clients_get_the_right_result_or_429_in_bounded_memory_with_healthz_answering()
    {
        byte[] photo = Photos.Bytes("astronaut.png");
        JsonElement expected = CliDetection.Result(Photos.Path("astronaut.png"));
        await using WebSampleServer server = await WebSampleServer.StartAsync();
        using var deadline = new CancellationTokenSource(Deadline);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients }) { BaseAddress = server.Address, Timeout = Deadline };

        // Warm: the detector's model and the JIT, so the baseline is the steady state.
        for (int i = 0; i < 4; i++)
        {
            using HttpResponseMessage warm = await PostAsync(client, photo, deadline.Token);
            Assert.That(warm.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        // /healthz on a connection of its own, open before the load, as a load balancer's probe keeps one.
        using var probe = new HttpClient { BaseAddress = server.Address, Timeout = Deadline };
        (await probe.GetAsync("/healthz", deadline.Token)).Dispose();

        using var memory = new MemoryWatch();
        using var stopLoad = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        Task<List<TimeSpan>> health = PollHealthAsync(probe, stopLoad.Token);
        var clock = Stopwatch.StartNew();
        (HttpStatusCode Status, string Body)[] replies = [.. (await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            var answers = new List<(HttpStatusCode, string)>();
            for (int i = 0; i < RequestsPerClient; i++)
            {
                using HttpResponseMessage response = await PostAsync(client, photo, deadline.Token);
                answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(deadline.Token)));
            }

            return answers;
        }))).SelectMany(answers => answers)];
        TimeSpan elapsed = clock.Elapsed;
        await stopLoad.CancelAsync();
        List<TimeSpan> healthLatencies = await health;
        long growth = memory.PeakGrowthBytes;

        int served = replies.Count(reply => reply.Status == HttpStatusCode.OK);
        int busy = replies.Count(reply => reply.Status == HttpStatusCode.TooManyRequests);
        TestContext.Out.WriteLine($"{served} served, {busy} refused with 429 in {elapsed.TotalSeconds:0.0} s; peak growth {growth / (1024 * 1024)} MB; /healthz answered {healthLatencies.Count} times, slowest {healthLatencies.DefaultIfEmpty().Max().TotalMilliseconds:0} ms");
        Assert.That(served + busy, Is.EqualTo(Requests), "every reply is a result or a 429: " + string.Join(", ", replies.Select(reply => reply.Status).Distinct()));
        Assert.That(served, Is.GreaterThan(0));
        foreach ((HttpStatusCode status, string body) in replies)
        {
            using JsonDocument json = JsonDocument.Parse(body);
            if (status == HttpStatusCode.OK)
            {
                DetectionResults.AssertSame(expected, json.RootElement);
            }
            else
            {
                Assert.That(json.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(429));
                Assert.That(json.RootElement.GetProperty("detail").GetString(), Is.EqualTo("The server is busy; try again shortly."));
            }
        }

        Assert.That(growth, Is.LessThan(MaxGrowthBytes), "the process's peak working set above its warm baseline");
        Assert.That(healthLatencies, Has.Count.GreaterThanOrEqualTo(Math.Max(1, (int)elapsed.TotalSeconds)), "/healthz answered throughout, at least once a second (polled every 100 ms)");
        Assert.That(healthLatencies, Has.All.LessThan(TimeSpan.FromSeconds(2)), "/healthz answered quickly throughout");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] photo, CancellationToken cancellation)
    {
        using var content = new ByteArrayContent(photo);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return await client.PostAsync("/api/detect", content, cancellation);
    }

    /// <summary>GET /healthz every 100 ms until stopped: the latency of each answer; a failed one fails the test.</summary>
    private static async Task<List<TimeSpan>> PollHealthAsync(HttpClient client, CancellationToken stop)
    {
        var latencies = new List<TimeSpan>();
        while (!stop.IsCancellationRequested)
        {
            long start = Stopwatch.GetTimestamp();
            using (HttpResponseMessage response = await client.GetAsync("/healthz", CancellationToken.None))
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "/healthz during the load");
            }

            latencies.Add(Stopwatch.GetElapsedTime(start));
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return latencies;
    }
}
