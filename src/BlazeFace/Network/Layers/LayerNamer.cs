namespace BlazeFace.Network.Layers;

/// <summary>
/// Keras's automatic layer names: the first <c>conv2d</c>, then <c>conv2d_1</c>, <c>conv2d_2</c>… per layer kind.
/// Building the layers in the original model's order therefore reproduces the tensor names in the TFLite file,
/// which is what lets weights be assigned by name.
/// </summary>
internal sealed class LayerNamer
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public string Next(string prefix)
    {
        _counts.TryGetValue(prefix, out int count);
        _counts[prefix] = count + 1;
        return count == 0 ? prefix : $"{prefix}_{count}";
    }
}
