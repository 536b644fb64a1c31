using BlazeFace.Network;

namespace BlazeFace.Engines;

/// <summary>A compiled network and one working set's activations: the whole per-call state of the managed engine.</summary>
internal sealed class ManagedSession : NetworkSession
{
    private readonly CompiledNetwork _network;
    private NetworkActivations? _activations;

    public ManagedSession(BlazeFaceModel model, CompiledNetwork network)
        : base(model)
    {
        _network = network;
        _activations = network.CreateActivations();
    }

    public override Span<float> Input => Activations.Input;

    /// <summary>The compiled network the session runs, shared with every session of the model and kernel set.</summary>
    public CompiledNetwork Network => _network;

    /// <summary>Bytes of this session's activation arena.</summary>
    public long Bytes => Activations.Bytes;

    private NetworkActivations Activations => _activations ?? throw new ObjectDisposedException(nameof(NetworkSession));

    public override ReadOnlySpan<float> GetOutput(int index)
    {
        NetworkActivations activations = Activations;
        return (uint)index < (uint)_network.Outputs.Count
            ? activations.Output(index)
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"The {Model.Name} model has {_network.Outputs.Count} outputs.");
    }

    public override void Run() => _network.Run(Activations);

    protected override void Dispose(bool disposing)
    {
        _activations = null;
        base.Dispose(disposing);
    }
}
