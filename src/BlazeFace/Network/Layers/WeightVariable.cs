namespace BlazeFace.Network.Layers;

/// <summary>
/// A trainable tensor of a layer, like a Keras variable: it has the name and shape of the TFLite tensor that holds
/// its value, and hands the value to the layer (which packs it for its kernel) when assigned.
/// </summary>
internal sealed class WeightVariable
{
    private readonly Action<float[]> _assign;

    public WeightVariable(string name, int[] shape, Action<float[]> assign)
    {
        Name = name;
        Shape = shape;
        _assign = assign;
    }

    public string Name { get; }

    public IReadOnlyList<int> Shape { get; }

    public long ElementCount => Shape.Aggregate(1L, (product, dim) => product * dim);

    public void Assign(float[] values)
    {
        if (values.Length != ElementCount)
        {
            throw new ArgumentException($"Variable '{Name}' holds {ElementCount} values, got {values.Length}.", nameof(values));
        }

        _assign(values);
    }
}
