using BlazeFace.Models.Tflite;
using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Loading;

/// <summary>
/// Fills every weight variable of a network from the model file's tensor the graph check found for it (for files
/// exported layer by layer, the tensor of the variable's own name, as the original write-up does with
/// <c>var.assign(tflite_map[var.name])</c>), checking shape and values first. Sparse tensors arrive densified.
/// </summary>
internal static class WeightAssigner
{
    /// <summary>
    /// Largest weight magnitude a model may hold. Trained BlazeFace weights are small (the largest in the bundled
    /// models is 37.9), and half-precision files cannot exceed 65504, so this bound is never near a real weight; a
    /// float32 weight beyond it is a damaged exponent. Refusing it matters because such a weight is finite yet
    /// overflows the network: one weight of 3e38 in the first convolution turns every output into NaN, and a
    /// regressor bias of 3e38 reports a face at x = infinity. Below the bound a few damaged weights stay many
    /// orders of magnitude short of float overflow.
    /// </summary>
    public const float MaxAbsWeight = 1e6f;

    public static void Assign(CompiledNetwork network, TfliteModel model, WeightSources sources)
    {
        foreach (WeightVariable variable in network.Weights)
        {
            variable.Assign(Read(variable, model, sources, network.Name));
        }
    }

    /// <summary>
    /// The checked float32 values of <paramref name="variable"/> in the file's own layout (OHWI for convolutions,
    /// 1HWC for depthwise ones), as <see cref="Assign"/> hands them to the layer: what an exporter reads instead of
    /// keeping a second, unpacked copy of every weight.
    /// </summary>
    public static float[] Read(WeightVariable variable, TfliteModel model, WeightSources sources, string networkName)
    {
        TfliteTensor tensor = sources[variable];
        if (!tensor.Shape.SequenceEqual(variable.Shape))
        {
            throw new InvalidDataException($"Tensor '{tensor.Name}' has shape [{string.Join(", ", tensor.Shape)}]; the {networkName} network needs [{string.Join(", ", variable.Shape)}] for '{variable.Name}'.");
        }

        float[] values = model.ReadFloat32(tensor);
        // NaN fails every comparison, so this one test refuses NaN and both infinities too.
        int bad = Array.FindIndex(values, v => !(Math.Abs(v) <= MaxAbsWeight));
        if (bad >= 0)
        {
            throw new InvalidDataException(float.IsFinite(values[bad])
                ? $"Tensor '{tensor.Name}' holds {values[bad]} at element {bad}; weights out of range (beyond ±{MaxAbsWeight:G0}, which no trained model reaches)."
                : $"Tensor '{tensor.Name}' holds {values[bad]} at element {bad}; weights must be finite.");
        }

        return values;
    }
}
