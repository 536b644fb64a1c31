using BlazeFace.Kernels;

namespace BlazeFace.Network.Layers;

/// <summary>Keras <c>Reshape</c>: TFLite RESHAPE. NHWC data keeps its order, so this is a copy under a new shape.</summary>
internal sealed class Reshape : Layer
{
    public Reshape(string name, Layer input, TensorShape shape)
        : base(name, [input], shape)
    {
        if (shape.Length != input.OutputShape.Length)
        {
            throw new ArgumentException($"Reshape '{name}' cannot turn {input.OutputShape} into {shape}.", nameof(shape));
        }
    }

    public override void Forward(NetworkActivations activations) => activations[Inputs[0]].CopyTo(activations[this]);
}
