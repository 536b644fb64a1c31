using BlazeFace.Kernels;

namespace BlazeFace.Network.Layers;

/// <summary>Keras <c>Concatenate(axis=1)</c> of [1, N, K] tensors (here shaped 1 x N x K): TFLite CONCATENATION.</summary>
internal sealed class Concatenate : Layer
{
    public Concatenate(string name, IReadOnlyList<Layer> inputs)
        : base(name, inputs, ConcatenatedShape(name, inputs))
    {
    }

    public override void Forward(NetworkActivations activations)
    {
        Span<float> destination = activations[this];
        for (int i = 0; i < Inputs.Count; i++)
        {
            ReadOnlySpan<float> source = activations[Inputs[i]];
            source.CopyTo(destination);
            destination = destination[source.Length..];
        }
    }

    private static TensorShape ConcatenatedShape(string name, IReadOnlyList<Layer> inputs)
    {
        if (inputs.Count == 0 || inputs.Any(i => i.OutputShape.Height != 1 || i.OutputShape.Channels != inputs[0].OutputShape.Channels))
        {
            throw new ArgumentException($"Concatenate '{name}' needs 1 x N x K inputs with equal K.", nameof(inputs));
        }

        return new TensorShape(1, inputs.Sum(i => i.OutputShape.Width), inputs[0].OutputShape.Channels);
    }
}
