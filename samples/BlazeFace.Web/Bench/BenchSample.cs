namespace BlazeFace.Web.Bench;

/// <summary>One request of a benchmark run: its status, its latency seen by the client, and the server's own time (Server-Timing) when it sent one.</summary>
internal sealed record BenchSample(int Status, double LatencyMilliseconds, double? ServerMilliseconds);
