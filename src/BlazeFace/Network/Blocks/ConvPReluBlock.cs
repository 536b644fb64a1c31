using BlazeFace.Kernels;
using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Blocks;

/// <summary>Conv2D followed by PReLU, run as one kernel call with the PReLU in its epilogue.</summary>
internal sealed class ConvPReluBlock : INetworkNode
{
    private readonly Conv2D _conv;

    public ConvPReluBlock(LayerNamer names, Layer input, int filters, int kernelSize, int stride, PaddingMode padding, KernelSet kernels)
    {
        _conv = new Conv2D(names.Next("conv2d"), input, filters, kernelSize, stride, padding, kernels);
        Output = new PReLU(names.Next("p_re_lu"), _conv, kernels);
    }

    public PReLU Output { get; }

    public IReadOnlyList<Layer> Layers => [_conv, Output];

    public IReadOnlyList<Layer> Reads => _conv.Inputs;

    public IReadOnlyList<Layer> Writes => [Output];

    public void Forward(NetworkActivations activations) => _conv.Forward(activations, Output.Epilogue(), activations[Output]);
}
