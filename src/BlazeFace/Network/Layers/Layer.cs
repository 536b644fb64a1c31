using BlazeFace.Kernels;

namespace BlazeFace.Network.Layers;

/// <summary>
/// A Keras-style layer: named like the tensor it produces in the TFLite file, connected to the layers it reads,
/// holding its packed weights. Layers are built and given weights once per compiled model and never change after;
/// their outputs live in each working set's <see cref="NetworkActivations"/>, found by <see cref="Slot"/>.
/// </summary>
internal abstract class Layer : INetworkNode
{
    protected Layer(string name, IReadOnlyList<Layer> inputs, TensorShape outputShape)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Inputs = inputs;
        OutputShape = outputShape;
        Slot = -1;
    }

    /// <summary>The layer's name, equal to its output tensor's name in the model file.</summary>
    public string Name { get; }

    public IReadOnlyList<Layer> Inputs { get; }

    public TensorShape OutputShape { get; }

    /// <summary>The layer's index in its network, which locates its output in an <see cref="ActivationPlan"/>.</summary>
    public int Slot { get; internal set; }

    /// <summary>How the layer's output is laid out in a fused run; the layer-by-layer run is always HWC.</summary>
    public TensorLayout Layout { get; internal set; }

    IReadOnlyList<Layer> INetworkNode.Reads => Inputs;

    IReadOnlyList<Layer> INetworkNode.Writes => [this];

    /// <summary>The weights this layer needs from the model file, named as the file names them.</summary>
    public virtual IEnumerable<WeightVariable> Weights => [];

    /// <summary>Computes this layer's output from its inputs' outputs, exactly as the TFLite operator does, all HWC.</summary>
    public abstract void Forward(NetworkActivations activations);

    /// <summary>
    /// This layer as one step of a fused run: its inputs and output in their <see cref="Layout"/>s. The same as
    /// <see cref="Forward"/> unless the layer runs channel-major.
    /// </summary>
    public virtual void ForwardFused(NetworkActivations activations) => Forward(activations);

    void INetworkNode.Forward(NetworkActivations activations) => ForwardFused(activations);

    public override string ToString() => $"{GetType().Name} '{Name}' -> {OutputShape}";
}
