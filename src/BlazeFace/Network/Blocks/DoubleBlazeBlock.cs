using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Blocks;

/// <summary>
/// The double BlazeBlock of the BlazeFace paper: depthwise 3x3 (stride 1 or 2) → 1x1 projection to a narrow
/// width → ReLU → depthwise 3x3 → 1x1 expansion, added to the shortcut, then ReLU.
/// </summary>
/// <remarks>Both 1x1 convolutions run with their ReLU (and the second with the shortcut) fused into the epilogue.</remarks>
internal sealed class DoubleBlazeBlock : INetworkNode
{
    private readonly DepthwiseConv2D _depthwise1;
    private readonly Conv2D _projection;
    private readonly ReLU _projectionRelu;
    private readonly DepthwiseConv2D _depthwise2;
    private readonly Conv2D _expansion;
    private readonly BlazeBlockShortcut _shortcut;
    private readonly Add _add;

    public DoubleBlazeBlock(LayerNamer names, Layer input, int projectionChannels, int outChannels, int stride, KernelSet kernels)
    {
        _depthwise1 = new DepthwiseConv2D(names.Next("depthwise_conv2d"), input, kernelSize: 3, stride, PaddingMode.Same, kernels);
        _projection = new Conv2D(names.Next("conv2d"), _depthwise1, projectionChannels, kernelSize: 1, stride: 1, PaddingMode.Valid, kernels);
        _projectionRelu = new ReLU(names.Next("activation"), _projection, kernels);
        _depthwise2 = new DepthwiseConv2D(names.Next("depthwise_conv2d"), _projectionRelu, kernelSize: 3, stride: 1, PaddingMode.Same, kernels);
        _shortcut = new BlazeBlockShortcut(names, input, stride, outChannels, kernels);
        _expansion = new Conv2D(names.Next("conv2d"), _depthwise2, outChannels, kernelSize: 1, stride: 1, PaddingMode.Valid, kernels);
        _add = new Add(names.Next("add"), _shortcut.Output, _expansion, kernels);
        Output = new ReLU(names.Next("activation"), _add, kernels);
    }

    public ReLU Output { get; }

    public IReadOnlyList<Layer> Layers => [_depthwise1, _projection, _projectionRelu, _depthwise2, .. _shortcut.Layers, _expansion, _add, Output];

    public IReadOnlyList<Layer> Reads => _depthwise1.Inputs;

    public IReadOnlyList<Layer> Writes => [_depthwise1, _projectionRelu, _depthwise2, .. _shortcut.Materialized, Output];

    public void Forward(NetworkActivations activations)
    {
        _depthwise1.Forward(activations);
        _projection.Forward(activations, ConvolutionEpilogue.ReluOnly, activations[_projectionRelu]);
        _depthwise2.Forward(activations);
        _shortcut.ForwardFused(activations);
        _expansion.Forward(activations, _shortcut.Epilogue(activations), activations[Output]);
    }
}
