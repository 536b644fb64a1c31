using BlazeFace.Kernels;
using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Blocks;

/// <summary>
/// Conv2D followed by its activation (ReLU in the detectors, PReLU in the face-landmark network), run as one kernel
/// call with the activation in its epilogue.
/// </summary>
/// <typeparam name="TActivation">The activation layer.</typeparam>
internal sealed class ConvActivationBlock<TActivation> : INetworkNode
    where TActivation : ActivationLayer
{
    private readonly Conv2D _conv;

    /// <param name="names">Names the layers as Keras named them.</param>
    /// <param name="input">The convolution's input.</param>
    /// <param name="filters">Output channels.</param>
    /// <param name="kernelSize">The square kernel's side.</param>
    /// <param name="stride">The stride, both ways.</param>
    /// <param name="padding">The convolution's padding.</param>
    /// <param name="kernels">The kernels the layers run on.</param>
    /// <param name="activation">Makes the activation layer (<see cref="ReLU.Factory"/>, <see cref="PReLU.Factory"/>).</param>
    public ConvActivationBlock(
        LayerNamer names, Layer input, int filters, int kernelSize, int stride, PaddingMode padding, KernelSet kernels, Func<Layer, TActivation> activation)
    {
        _conv = new Conv2D(names.Next("conv2d"), input, filters, kernelSize, stride, padding, kernels);
        Output = activation(_conv);
    }

    public TActivation Output { get; }

    public IReadOnlyList<Layer> Layers => [_conv, Output];

    public IReadOnlyList<Layer> Reads => _conv.Inputs;

    public IReadOnlyList<Layer> Writes => [Output];

    public void Forward(NetworkActivations activations) => _conv.Forward(activations, Output.Epilogue(), activations[Output]);
}
