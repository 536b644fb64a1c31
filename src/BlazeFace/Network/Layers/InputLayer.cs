using BlazeFace.Kernels;

namespace BlazeFace.Network.Layers;

/// <summary>The network input: the caller writes the pre-processed image into its output.</summary>
internal sealed class InputLayer : Layer
{
    public InputLayer(string name, TensorShape shape)
        : base(name, [], shape)
    {
    }

    public override void Forward(NetworkActivations activations)
    {
    }
}
