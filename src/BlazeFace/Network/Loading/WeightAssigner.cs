using BlazeFace.Models.Tflite;

namespace BlazeFace.Network;

/// <summary>
/// Fills every weight variable of a network from the model file's tensor of the same name, as the original write-up
/// does with <c>var.assign(tflite_map[var.name])</c>, checking shape and values first.
/// </summary>
internal static class WeightAssigner
{
    public static void Assign(BlazeFaceNetwork network, TfliteModel model)
    {
        foreach (WeightVariable variable in network.Weights)
        {
            TfliteTensor tensor = model.FindTensor(variable.Name)
                ?? throw new InvalidDataException($"The model has no tensor named '{variable.Name}', which the {network.Kind} network needs.");
            if (!tensor.Shape.SequenceEqual(variable.Shape))
            {
                throw new InvalidDataException($"Tensor '{variable.Name}' has shape [{string.Join(", ", tensor.Shape)}]; the {network.Kind} network needs [{string.Join(", ", variable.Shape)}].");
            }

            float[] values = model.ReadFloat32(tensor);
            int bad = Array.FindIndex(values, v => !float.IsFinite(v));
            if (bad >= 0)
            {
                throw new InvalidDataException($"Tensor '{variable.Name}' holds {values[bad]} at element {bad}; weights must be finite.");
            }

            variable.Assign(values);
        }
    }
}
