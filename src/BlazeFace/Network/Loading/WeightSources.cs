using BlazeFace.Models.Tflite;
using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Loading;

/// <summary>
/// Which constant tensor of a model file holds each weight of a network: found by the graph check, from the
/// operators' own inputs (through DEQUANTIZE and DENSIFY), and read by the weight assignment and the ONNX export.
/// </summary>
internal sealed class WeightSources
{
    private readonly Dictionary<string, TfliteTensor> _tensors = new(StringComparer.Ordinal);

    /// <summary>The tensor holding <paramref name="variable"/>'s value.</summary>
    /// <exception cref="InvalidDataException">The graph check found no tensor for it.</exception>
    public TfliteTensor this[WeightVariable variable] =>
        _tensors.GetValueOrDefault(variable.Name) ?? throw new InvalidDataException($"No tensor of the model holds the weight '{variable.Name}'.");

    public void Add(WeightVariable variable, TfliteTensor tensor) => _tensors[variable.Name] = tensor;
}
