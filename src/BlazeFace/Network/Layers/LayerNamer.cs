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

    /// <summary>
    /// Makes <c>prefix_number</c> the next name of <paramref name="prefix"/>: the numbers skipped went to layers the
    /// file does not hold (Keras counts every layer a session creates, including those of models built before and of
    /// branches the export dropped).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The name <c>prefix_number</c> has been given out already.</exception>
    public void SkipTo(string prefix, int number)
    {
        _counts.TryGetValue(prefix, out int count);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, Math.Max(count, 1));
        _counts[prefix] = number;
    }
}
