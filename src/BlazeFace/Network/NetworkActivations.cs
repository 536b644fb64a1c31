namespace BlazeFace.Network;

/// <summary>
/// One working set's activations: a single arena laid out by an <see cref="ActivationPlan"/>. This is all the
/// memory a run of a compiled network writes, so one instance serves one run at a time.
/// </summary>
internal sealed class NetworkActivations
{
    private readonly float[] _arena;

    public NetworkActivations(ActivationPlan plan)
    {
        Plan = plan;
        _arena = new float[plan.ArenaLength];
    }

    public ActivationPlan Plan { get; }

    /// <summary>Bytes this working set's activations occupy.</summary>
    public long Bytes => (long)_arena.Length * sizeof(float);

    /// <summary>The storage of <paramref name="layer"/>'s output.</summary>
    public Span<float> this[Layer layer] => _arena.AsSpan(Plan.OffsetOf(layer), layer.OutputShape.Length);

    /// <summary>Where the caller writes the input tensor (H x W x 3, RGB in [-1, 1]) before a run.</summary>
    public Span<float> Input => this[Plan.Network.Input];

    /// <summary>The last run's regressors: anchors x 16.</summary>
    public ReadOnlySpan<float> Regressors => this[Plan.Network.Regressors];

    /// <summary>The last run's score logits: one per anchor.</summary>
    public ReadOnlySpan<float> Classificators => this[Plan.Network.Classificators];
}
