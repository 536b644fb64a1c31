using BlazeFace.Network;

namespace BlazeFace;

/// <summary>The managed kernels as a working set's network stage: a compiled network and this working set's activations.</summary>
internal sealed class ManagedNetworkRunner : INetworkRunner
{
    private readonly BlazeFaceNetwork _network;
    private readonly NetworkActivations _activations;

    public ManagedNetworkRunner(BlazeFaceNetwork network)
    {
        _network = network;
        _activations = network.CreateActivations();
    }

    public Span<float> Input => _activations.Input;

    public ReadOnlySpan<float> Regressors => _activations.Regressors;

    public ReadOnlySpan<float> Classificators => _activations.Classificators;

    public void Run() => _network.Run(_activations);

    /// <summary>Nothing to release: the activations are managed memory.</summary>
    public void Dispose()
    {
    }
}
