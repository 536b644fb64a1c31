using BlazeFace.Network.Layers;

namespace BlazeFace.Network;

/// <summary>
/// Where each activation of a network lives inside one working set's arena: an offset per layer, decided once per
/// compiled network and shared by every working set. A working set then owns a single float array of
/// <see cref="ArenaLength"/> values and nothing else.
/// </summary>
/// <remarks>
/// <para>
/// The fused plan (<see cref="ForFusedRun"/>) lets tensors share memory: one tensor's bytes are reused as soon as the
/// last step reading it has run. Every layer owning its own output would touch 10-70 MB per frame, far more than the
/// cache; with reuse a frame lives in an arena about the size of the largest activations alive together. Layers
/// whose output a fused block keeps in registers get no storage at all.
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

    private ActivationPlan(CompiledNetwork network, int[] offsets, int tensorsLength, bool everyLayerStored)
    {
        Network = network;
        _offsets = offsets;
        EveryLayerStored = everyLayerStored;

        // One scratch region after the tensors serves every step in turn (steps run one at a time), so a working set
        // allocates it once with its arena and it stays in cache from one block to the next.
        ScratchOffset = AlignUp(tensorsLength);
        ScratchLength = AlignUp(network.Nodes.Select(node => node.ScratchFloats).DefaultIfEmpty().Max());
        ArenaLength = ScratchOffset + ScratchLength;
    }

    /// <summary>The network this plan lays out.</summary>
    public CompiledNetwork Network { get; }

    /// <summary>Floats in one working set's arena: the tensors, then the scratch.</summary>
    public int ArenaLength { get; }

    /// <summary>Where the steps' scratch starts in the arena.</summary>
    public int ScratchOffset { get; }

    /// <summary>Floats of scratch: what the most demanding step needs (see <see cref="INetworkNode.ScratchFloats"/>).</summary>
    public int ScratchLength { get; }

    /// <summary>Whether every layer has storage of its own, as the layer-by-layer run needs.</summary>
    public bool EveryLayerStored { get; }

    /// <summary>Offset of <paramref name="layer"/>'s output in the arena.</summary>
    /// <exception cref="InvalidOperationException">The layer's output never reaches memory under this plan.</exception>
    public int OffsetOf(Layer layer)
    {
        int offset = _offsets[layer.Slot];
        return offset >= 0 ? offset : throw new InvalidOperationException($"Layer '{layer.Name}' is fused away in this plan and has no storage.");
    }

    /// <summary>The plan for <see cref="CompiledNetwork.Run"/>: tensors share the arena wherever their lifetimes do not overlap.</summary>
    public static ActivationPlan ForFusedRun(CompiledNetwork network)
    {
        IReadOnlyList<INetworkNode> nodes = network.Nodes;

        // Each stored tensor lives from the step that writes it to the last step that reads it (the input from before
        // the first step, the outputs until the caller has read them). A step's inputs and outputs are live at once,
        // so a step never writes over what it reads.
        var lifetimes = new Dictionary<Layer, (int First, int Last)> { [network.Input] = (-1, -1) };
        for (int step = 0; step < nodes.Count; step++)
        {
            foreach (Layer layer in nodes[step].Writes)
            {
                lifetimes.TryAdd(layer, (step, step));
            }

            foreach (Layer layer in nodes[step].Reads)
            {
                lifetimes[layer] = (lifetimes[layer].First, step);
            }
        }

        foreach (Layer output in network.Outputs)
        {
            lifetimes[output] = (lifetimes[output].First, int.MaxValue);
        }

        // Greedy by size (as TFLite's arena planner does): place the largest tensors first, each at the lowest offset
        // that overlaps no already placed tensor alive at the same time. The arena ends up close to the largest set of
        // tensors ever alive together, which is what keeps a frame's working set in cache.
        int[] offsets = new int[network.Layers.Count];
        Array.Fill(offsets, -1);
        var placed = new List<(int Offset, int End, int First, int Last)>();
        int arenaLength = 0;
        foreach ((Layer layer, (int first, int last)) in lifetimes.OrderByDescending(entry => entry.Key.OutputShape.Length).ThenBy(entry => entry.Key.Slot))
        {
            int length = AlignUp(layer.OutputShape.Length);
            int offset = 0;
            foreach ((int otherOffset, int otherEnd, _, _) in placed
                .Where(other => other.First <= last && first <= other.Last)
                .OrderBy(other => other.Offset))
            {
                if (offset + length <= otherOffset)
                {
                    break;
                }

                offset = Math.Max(offset, otherEnd);
            }

            placed.Add((offset, offset + length, first, last));
            offsets[layer.Slot] = offset;
            arenaLength = Math.Max(arenaLength, offset + length);
        }

        return new ActivationPlan(network, offsets, tensorsLength: arenaLength, everyLayerStored: false);
    }

    /// <summary>The plan for <see cref="CompiledNetwork.RunLayerByLayer"/>: a region per layer.</summary>
    public static ActivationPlan ForLayerByLayerRun(CompiledNetwork network)
    {
        int[] offsets = new int[network.Layers.Count];
        int arenaLength = 0;
        foreach (Layer layer in network.Layers)
        {
            offsets[layer.Slot] = arenaLength;
            arenaLength += AlignUp(layer.OutputShape.Length);
        }

        return new ActivationPlan(network, offsets, tensorsLength: arenaLength, everyLayerStored: true);
    }

    /// <summary>Rounds up to whole 64-byte lines; also what scratch users align their regions with.</summary>
    public static int AlignUp(int length) => (length + Alignment - 1) / Alignment * Alignment;
}
