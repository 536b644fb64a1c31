using BlazeFace.Kernels;

namespace BlazeFace.Network;

/// <summary>
/// A built BlazeFace network: its layers (named as in the model file), the order to run them in, and the two
/// outputs. One instance owns its activations, so it runs one frame at a time.
/// </summary>
internal sealed class BlazeFaceNetwork
{
    private readonly INetworkNode[] _nodes;

    public BlazeFaceNetwork(BlazeFaceModelKind kind, InputLayer input, IReadOnlyList<INetworkNode> nodes, IReadOnlyList<Layer> layers, Layer regressors, Layer classificators)
    {
        if (layers.Any(layer => layer.HasOutputStorage))
        {
            throw new ArgumentException("Layers must not have storage before the network plans it.", nameof(layers));
        }

        Kind = kind;
        Input = input;
        _nodes = [.. nodes];
        Layers = layers;
        Regressors = regressors;
        Classificators = classificators;
    }

    public BlazeFaceModelKind Kind { get; }

    public InputLayer Input { get; }

    public TensorShape InputShape => Input.OutputShape;

    /// <summary>Every layer in an order that respects the data flow (each after its inputs).</summary>
    public IReadOnlyList<Layer> Layers { get; }

    /// <summary>Output of shape 1 x anchors x 16: box and keypoint offsets per anchor.</summary>
    public Layer Regressors { get; }

    /// <summary>Output of shape 1 x anchors x 1: one score logit per anchor.</summary>
    public Layer Classificators { get; }

    public int AnchorCount => Classificators.OutputShape.Width;

    /// <summary>Whether activations share storage (<see cref="UseSharedActivations"/>), which rules out layer-by-layer runs.</summary>
    public bool SharesActivations { get; private set; }

    /// <summary>Where the caller writes the input tensor (H x W x 3, RGB in [-1, 1]) before <see cref="Run"/>.</summary>
    public Span<float> InputTensor => Input.Output.Span;

    public IEnumerable<WeightVariable> Weights => Layers.SelectMany(layer => layer.Weights);

    /// <summary>
    /// Lets activations share buffers (see <see cref="ActivationArena"/>): much less memory traffic per frame, but
    /// afterwards only <see cref="Run"/> may be used. Call before the first run.
    /// </summary>
    public void UseSharedActivations()
    {
        ActivationArena.Assign(Input, _nodes, [Regressors, Classificators]);
        SharesActivations = true;
    }

    /// <summary>Runs the network with its blocks fused.</summary>
    public void Run()
    {
        // Index loops over arrays: an interface enumerator would allocate on every frame.
        for (int i = 0; i < _nodes.Length; i++)
        {
            _nodes[i].Forward();
        }
    }

    /// <summary>Runs every layer on its own, in graph order, with no fusion: the reference the fused run must match.</summary>
    public void RunLayerByLayer()
    {
        if (SharesActivations)
        {
            throw new InvalidOperationException("A network whose activations share storage only runs fused.");
        }

        for (int i = 0; i < Layers.Count; i++)
        {
            Layers[i].Forward();
        }
    }
}
