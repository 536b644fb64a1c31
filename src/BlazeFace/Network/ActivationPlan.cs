namespace BlazeFace.Network;

/// <summary>
/// Where each activation of a network lives inside one working set's arena: an offset per layer, decided once per
/// compiled network and shared by every working set. A working set then owns a single float array of
/// <see cref="ArenaLength"/> values and nothing else.
/// </summary>
/// <remarks>
/// <para>
/// The fused plan (<see cref="ForFusedRun"/>) lets tensors take turns in a few regions: a region is reused as soon as
/// the last step reading its previous tensor has run. Every layer owning its own output would touch 20-36 MB per
/// full-range frame, far more than the cache; with reuse a frame lives in a few regions the size of the largest
/// activations. Layers whose output a fused block keeps in registers get no storage at all.
/// </para>
/// <para>
/// The layer-by-layer plan (<see cref="ForLayerByLayerRun"/>) gives every layer its own region: the unfused
/// reference run writes every tensor, and tests read any of them.
/// </para>
/// </remarks>
internal sealed class ActivationPlan
{
    // Regions start on 64-byte boundaries (16 floats) so that no vector load of one tensor straddles a cache line
    // that also holds the end of another.
    private const int Alignment = 16;

    private readonly int[] _offsets;

    private ActivationPlan(BlazeFaceNetwork network, int[] offsets, int arenaLength, bool everyLayerStored)
    {
        Network = network;
        _offsets = offsets;
        ArenaLength = arenaLength;
        EveryLayerStored = everyLayerStored;
    }

    /// <summary>The network this plan lays out.</summary>
    public BlazeFaceNetwork Network { get; }

    /// <summary>Floats in one working set's arena.</summary>
    public int ArenaLength { get; }

    /// <summary>Whether every layer has storage of its own, as the layer-by-layer run needs.</summary>
    public bool EveryLayerStored { get; }

    /// <summary>Offset of <paramref name="layer"/>'s output in the arena.</summary>
    /// <exception cref="InvalidOperationException">The layer's output never reaches memory under this plan.</exception>
    public int OffsetOf(Layer layer)
    {
        int offset = _offsets[layer.Slot];
        return offset >= 0 ? offset : throw new InvalidOperationException($"Layer '{layer.Name}' is fused away in this plan and has no storage.");
    }

    /// <summary>The plan for <see cref="BlazeFaceNetwork.Run"/>: regions reused by liveness.</summary>
    public static ActivationPlan ForFusedRun(BlazeFaceNetwork network)
    {
        IReadOnlyList<INetworkNode> nodes = network.Nodes;

        // The step after which each tensor is no longer read; outputs are read by the caller after the last step.
        var lastRead = new Dictionary<Layer, int> { [network.Input] = -1 };
        for (int step = 0; step < nodes.Count; step++)
        {
            foreach (Layer layer in nodes[step].Reads)
            {
                lastRead[layer] = step;
            }

            foreach (Layer layer in nodes[step].Writes)
            {
                lastRead.TryAdd(layer, step);
            }
        }

        lastRead[network.Regressors] = int.MaxValue;
        lastRead[network.Classificators] = int.MaxValue;

        var regionLengths = new List<int>();
        var free = new List<int>();
        var live = new List<(Layer Layer, int Region)>();
        var regionOf = new Dictionary<Layer, int>();

        void Bind(Layer layer)
        {
            int region = TakeRegion(regionLengths, free, layer.OutputShape.Length);
            regionOf[layer] = region;
            live.Add((layer, region));
        }

        Bind(network.Input);
        for (int step = 0; step < nodes.Count; step++)
        {
            // Release what no step from here on reads; regions read by this step stay live until it has run, so a
            // step never writes over its own input.
            for (int i = live.Count - 1; i >= 0; i--)
            {
                if (lastRead[live[i].Layer] < step)
                {
                    free.Add(live[i].Region);
                    live.RemoveAt(i);
                }
            }

            foreach (Layer layer in nodes[step].Writes)
            {
                Bind(layer);
            }
        }

        int[] regionOffsets = new int[regionLengths.Count];
        int arenaLength = 0;
        for (int region = 0; region < regionLengths.Count; region++)
        {
            regionOffsets[region] = arenaLength;
            arenaLength += AlignUp(regionLengths[region]);
        }

        int[] offsets = new int[network.Layers.Count];
        Array.Fill(offsets, -1);
        foreach ((Layer layer, int region) in regionOf)
        {
            offsets[layer.Slot] = regionOffsets[region];
        }

        return new ActivationPlan(network, offsets, arenaLength, everyLayerStored: false);
    }

    /// <summary>The plan for <see cref="BlazeFaceNetwork.RunLayerByLayer"/>: a region per layer.</summary>
    public static ActivationPlan ForLayerByLayerRun(BlazeFaceNetwork network)
    {
        int[] offsets = new int[network.Layers.Count];
        int arenaLength = 0;
        foreach (Layer layer in network.Layers)
        {
            offsets[layer.Slot] = arenaLength;
            arenaLength += AlignUp(layer.OutputShape.Length);
        }

        return new ActivationPlan(network, offsets, arenaLength, everyLayerStored: true);
    }

    private static int AlignUp(int length) => (length + Alignment - 1) / Alignment * Alignment;

    /// <summary>The smallest free region that fits (best fit keeps the big ones for big tensors), or a new one.</summary>
    private static int TakeRegion(List<int> regionLengths, List<int> free, int length)
    {
        int best = -1;
        for (int i = 0; i < free.Count; i++)
        {
            if (regionLengths[free[i]] >= length && (best < 0 || regionLengths[free[i]] < regionLengths[free[best]]))
            {
                best = i;
            }
        }

        if (best < 0)
        {
            regionLengths.Add(length);
            return regionLengths.Count - 1;
        }

        int region = free[best];
        free.RemoveAt(best);
        return region;
    }
}
