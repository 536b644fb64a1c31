using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Blocks;

/// <summary>Conv2D followed by ReLU, run as one kernel call with the ReLU in its epilogue.</summary>
internal sealed class ConvReluBlock : INetworkNode
{
    private readonly Conv2D _conv;

    public ConvReluBlock(LayerNamer names, Layer input, int filters, int kernelSize, int stride, PaddingMode padding, KernelSet kernels)
    {
        _conv = new Conv2D(names.Next("conv2d"), input, filters, kernelSize, stride, padding, kernels);
        Output = new ReLU(names.Next("activation"), _conv, kernels);
    }

    public ReLU Output { get; }

    public IReadOnlyList<Layer> Layers => [_conv, Output];

    public IReadOnlyList<Layer> Reads => _conv.Inputs;

    public IReadOnlyList<Layer> Writes => [Output];

    public void Forward(NetworkActivations activations) => _conv.Forward(activations, ConvolutionEpilogue.ReluOnly, activations[Output]);
}
