using BlazeFace.Network.Layers;

namespace BlazeFace.Network;

/// <summary>
/// One working set's activations: a single arena laid out by an <see cref="ActivationPlan"/>, starting on a cache
/// line (see <see cref="LineAlignedArray"/>). This is all the memory a run of a compiled network writes, so one
/// instance serves one run at a time.
/// </summary>
internal sealed class NetworkActivations
{
    private readonly LineAlignedArray _arena;

    public NetworkActivations(ActivationPlan plan)
    {
        Plan = plan;
        _arena = LineAlignedArray.Allocate(plan.ArenaLength);
    }

    public ActivationPlan Plan { get; }

    /// <summary>Bytes this working set's activations occupy.</summary>
    public long Bytes => (long)_arena.Array.Length * sizeof(float);

    /// <summary>The storage of <paramref name="layer"/>'s output.</summary>
    public Span<float> this[Layer layer] => _arena.Slice(Plan.OffsetOf(layer), layer.OutputShape.Length);

    /// <summary>Scratch for the step running now (see <see cref="INetworkNode.ScratchFloats"/>); no step's values survive it.</summary>
    public Span<float> Scratch => _arena.Slice(Plan.ScratchOffset, Plan.ScratchLength);

    /// <summary>Where the caller writes the input tensor (NHWC) before a run.</summary>
    public Span<float> Input => this[Plan.Network.Input];

    /// <summary>The last run's output <paramref name="index"/>, in the model's output order.</summary>
    public ReadOnlySpan<float> Output(int index) => this[Plan.Network.Outputs[index]];
}
