using BlazeFace.Kernels;
using BlazeFace.Network.Layers;

namespace BlazeFace.Network;

/// <summary>
/// A compiled network: its layers (named as in the model file, weights packed for one kernel set), the order to run
/// them in, its outputs, and the activation layout of a fused run. Immutable once compiled, so any number of threads
/// run it at once, each with its own <see cref="NetworkActivations"/>.
/// </summary>
internal sealed class CompiledNetwork
{
    private readonly INetworkNode[] _nodes;
    private ActivationPlan? _layerByLayerPlan;

    public CompiledNetwork(string name, InputLayer input, IReadOnlyList<INetworkNode> nodes, IReadOnlyList<Layer> layers, IReadOnlyList<Layer> outputs, LayerMatching matching = LayerMatching.ByName)
    {
        for (int slot = 0; slot < layers.Count; slot++)
        {
            if (layers[slot].Slot != slot)
            {
                throw new ArgumentException($"Layer '{layers[slot].Name}' has slot {layers[slot].Slot} but sits at {slot}.", nameof(layers));
            }
        }

        if (outputs.Count == 0)
        {
            throw new ArgumentException("A network has at least one output.", nameof(outputs));
        }

        CheckLayouts(layers, outputs);

        Name = name;
        Input = input;
        _nodes = [.. nodes];
        Layers = layers;
        Outputs = [.. outputs];
        Matching = matching;
        FusedPlan = ActivationPlan.ForFusedRun(this);
    }

    /// <summary>How messages name the network (the model's name, "short-range").</summary>
    public string Name { get; }

    public InputLayer Input { get; }

    public TensorShape InputShape => Input.OutputShape;

    /// <summary>The steps of a fused run, in order.</summary>
    public IReadOnlyList<INetworkNode> Nodes => _nodes;

    /// <summary>Every layer in an order that respects the data flow (each after its inputs); a layer's index is its slot.</summary>
    public IReadOnlyList<Layer> Layers { get; }

    /// <summary>The layers whose outputs a run returns, in the model's output order.</summary>
    public IReadOnlyList<Layer> Outputs { get; }

    /// <summary>How a model file's operators are found for the layers.</summary>
    public LayerMatching Matching { get; }

    /// <summary>The activation layout of <see cref="Run"/>, shared by every working set.</summary>
    public ActivationPlan FusedPlan { get; }

    public IEnumerable<WeightVariable> Weights => Layers.SelectMany(layer => layer.Weights);

    /// <summary>A working set for fused runs.</summary>
    public NetworkActivations CreateActivations() => new(FusedPlan);

    /// <summary>A working set in which every layer keeps its output, for <see cref="RunLayerByLayer"/> and inspection.</summary>
    public NetworkActivations CreateLayerByLayerActivations() => new(_layerByLayerPlan ??= ActivationPlan.ForLayerByLayerRun(this));

    /// <summary>Runs the network with its blocks fused.</summary>
    public void Run(NetworkActivations activations)
    {
        CheckOwnership(activations);

        // Index loops over arrays: an interface enumerator would allocate on every frame.
        for (int i = 0; i < _nodes.Length; i++)
        {
            _nodes[i].Forward(activations);
        }
    }

    /// <summary>Runs every layer on its own, in graph order, with no fusion: the reference the fused run must match.</summary>
    public void RunLayerByLayer(NetworkActivations activations)
    {
        CheckOwnership(activations);
        if (!activations.Plan.EveryLayerStored)
        {
            throw new InvalidOperationException("A layer-by-layer run needs a working set in which every layer keeps its output.");
        }

        for (int i = 0; i < Layers.Count; i++)
        {
            Layers[i].Forward(activations);
        }
    }

    public override string ToString() => $"{Name} network, {InputShape} -> {string.Join(", ", Outputs.Select(output => output.OutputShape))}";

    /// <summary>
    /// Channel-major feature maps only between layers that run them, and HWC outputs: a fused run could otherwise read
    /// a tensor in the wrong layout without failing.
    /// </summary>
    private static void CheckLayouts(IReadOnlyList<Layer> layers, IReadOnlyList<Layer> outputs)
    {
        foreach (Layer layer in layers)
        {
            bool runsChw = layer is Conv2D or DepthwiseConv2D or ZeroPadding2D or Add or UpSampling2D or ChannelMajor;
            bool readsChw = layer.Inputs.Any(input => input.Layout == TensorLayout.Chw);
            bool firstChw = layer is Conv2D { IsPointwise: false } or ZeroPadding2D or ChannelMajor;
            if ((layer.Layout == TensorLayout.Chw && !runsChw) || (readsChw && layer.Layout == TensorLayout.Hwc && layer is not DepthToSpace)
                || (layer.Layout == TensorLayout.Chw && !readsChw && !firstChw) || (layer is ChannelMajor && readsChw))
            {
                throw new ArgumentException($"Layer '{layer.Name}' ({layer.GetType().Name}) cannot run {layer.Layout} from {string.Join(", ", layer.Inputs.Select(input => input.Layout))} input.", nameof(layers));
            }
        }

        if (outputs.Any(output => output.Layout != TensorLayout.Hwc))
        {
            throw new ArgumentException("A network's outputs are HWC.", nameof(outputs));
        }
    }

    private void CheckOwnership(NetworkActivations activations)
    {
        if (!ReferenceEquals(activations.Plan.Network, this))
        {
            throw new ArgumentException("The working set was planned for another network.", nameof(activations));
        }
    }
}
