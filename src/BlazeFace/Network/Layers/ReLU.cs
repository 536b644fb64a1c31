using BlazeFace.Kernels;
using BlazeFace.Kernels.Elementwise;

namespace BlazeFace.Network.Layers;

/// <summary>Keras <c>ReLU</c> (the model's <c>activation_N</c> layers): TFLite RELU.</summary>
internal sealed class ReLU : Layer
{
    private readonly IReluKernel _kernel;

    public ReLU(string name, Layer input, KernelSet kernels)
        : base(name, [input], input.OutputShape)
    {
        _kernel = kernels.Relu;
    }

    public override void Forward(NetworkActivations activations) => _kernel.Run(activations[Inputs[0]], activations[this]);
}
