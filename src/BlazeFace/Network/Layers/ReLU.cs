using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Kernels.Elementwise;

namespace BlazeFace.Network.Layers;

/// <summary>Keras <c>ReLU</c> (the model's <c>activation_N</c> layers): TFLite RELU.</summary>
internal sealed class ReLU : ActivationLayer
{
    private readonly IReluKernel _kernel;

    public ReLU(string name, Layer input, KernelSet kernels)
        : base(name, input)
    {
        _kernel = kernels.Relu;
    }

    /// <summary>Makes the ReLU that follows a block's last layer, named as Keras names it (<c>activation_N</c>).</summary>
    public static Func<Layer, ReLU> Factory(LayerNamer names, KernelSet kernels) => input => new ReLU(names.Next("activation"), input, kernels);

    public override ConvolutionEpilogue Epilogue() => ConvolutionEpilogue.ReluOnly;

    public override ConvolutionEpilogue Epilogue(ReadOnlySpan<float> residual, int residualChannels) => new(residual, residualChannels, relu: true);

    public override void Forward(NetworkActivations activations) => _kernel.Run(activations[Inputs[0]], activations[this]);
}
