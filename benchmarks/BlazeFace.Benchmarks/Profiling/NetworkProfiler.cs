using System.Diagnostics;
using BlazeFace.Network;
using BlazeFace.Network.Layers;

namespace BlazeFace.Benchmarks.Profiling;

/// <summary>
/// Times each step of a run of a compiled network: every run goes through all steps in order (so caches hold what
/// they hold in a real run) with a timestamp between steps; each step's time is its median over the runs. The steps
/// are those of the fused run (blocks as one step), or every layer on its own (unfused, every output in memory), which
/// splits a block's time between its depthwise, 1x1, pooling, padding, add and ReLU layers.
/// </summary>
internal static class NetworkProfiler
{
    public static IReadOnlyList<NodeProfile> Profile(CompiledNetwork network, bool layerByLayer, ReadOnlySpan<float> input, TimeSpan warmUp, TimeSpan measure, double quantile, out double medianRunSeconds)
    {
        IReadOnlyList<NodeProfile> nodes = layerByLayer ? DescribeLayers(network) : Describe(network);
        NetworkActivations activations = layerByLayer ? network.CreateLayerByLayerActivations() : network.CreateActivations();
        input.CopyTo(activations.Input);

        long until = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            foreach (NodeProfile node in nodes)
            {
                node.Node.Forward(activations);
            }
        }

        var samples = new List<long[]>();
        until = Stopwatch.GetTimestamp() + (long)(measure.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until || samples.Count < 50)
        {
            long[] stamps = new long[nodes.Count + 1];
            stamps[0] = Stopwatch.GetTimestamp();
            for (int i = 0; i < nodes.Count; i++)
            {
                nodes[i].Node.Forward(activations);
                stamps[i + 1] = Stopwatch.GetTimestamp();
            }

            samples.Add(stamps);
        }

        for (int i = 0; i < nodes.Count; i++)
        {
            nodes[i].Seconds = Quantile(samples.Select(s => s[i + 1] - s[i]), quantile);
        }

        medianRunSeconds = Quantile(samples.Select(s => s[^1] - s[0]), quantile);
        return nodes;
    }

    /// <summary>
    /// Each step with the layers it computes. The builder adds a step's layers right after the step, so a step owns
    /// the slots after the previous step's last written layer up to its own last one.
    /// </summary>
    public static IReadOnlyList<NodeProfile> Describe(CompiledNetwork network)
    {
        var nodes = new List<NodeProfile>();
        int next = network.Input.Slot + 1;
        foreach (INetworkNode node in network.Nodes)
        {
            int last = node.Writes.Max(layer => layer.Slot);
            nodes.Add(new NodeProfile(node, [.. network.Layers.Skip(next).Take(last - next + 1)]));
            next = last + 1;
        }

        if (next != network.Layers.Count)
        {
            throw new InvalidOperationException($"The steps cover {next} of {network.Layers.Count} layers.");
        }

        return nodes;
    }

    /// <summary>Every layer but the input as a step of its own.</summary>
    public static IReadOnlyList<NodeProfile> DescribeLayers(CompiledNetwork network) =>
        [.. network.Layers.Where(layer => layer is not InputLayer).Select(layer => new NodeProfile(layer, [layer]))];

    /// <summary>The <paramref name="quantile"/> of the samples in seconds: 0.5 the median; lower ones filter a loaded machine's interruptions.</summary>
    private static double Quantile(IEnumerable<long> ticks, double quantile)
    {
        long[] sorted = [.. ticks.Order()];
        return sorted[(int)Math.Min(sorted.Length - 1, quantile * sorted.Length)] / (double)Stopwatch.Frequency;
    }
}
