using BlazeFace.Kernels;

namespace BlazeFace.Network;

/// <summary>
/// A Keras-style layer: named like the tensor it produces in the TFLite file, connected to the layers it reads,
/// owning its output. Layers are built once; <see cref="Forward"/> then runs per frame without allocating.
/// </summary>
internal abstract class Layer : INetworkNode
{
    private FeatureMap? _output;

    protected Layer(string name, IReadOnlyList<Layer> inputs, TensorShape outputShape)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Inputs = inputs;
        OutputShape = outputShape;
    }

    /// <summary>The layer's name, equal to its output tensor's name in the model file.</summary>
    public string Name { get; }

    public IReadOnlyList<Layer> Inputs { get; }

    public TensorShape OutputShape { get; }

    /// <summary>The storage <see cref="Forward"/> writes; a layer that nobody gave storage gets its own.</summary>
    public FeatureMap Output
    {
        get => _output ??= new FeatureMap(OutputShape);
        set
        {
            if (value.Shape != OutputShape)
            {
                throw new ArgumentException($"Layer '{Name}' produces {OutputShape}, not {value.Shape}.", nameof(value));
            }

            _output = value;
        }
    }

    /// <summary>Whether <see cref="Output"/> already has storage (assigned, or created by a first access).</summary>
    public bool HasOutputStorage => _output is not null;

    IReadOnlyList<Layer> INetworkNode.Reads => Inputs;

    IReadOnlyList<Layer> INetworkNode.Writes => [this];

    /// <summary>The weights this layer needs from the model file, named as the file names them.</summary>
    public virtual IEnumerable<WeightVariable> Weights => [];

    /// <summary>Computes <see cref="Output"/> from the inputs' outputs, exactly as the TFLite operator does.</summary>
    public abstract void Forward();

    public override string ToString() => $"{GetType().Name} '{Name}' -> {OutputShape}";
}
