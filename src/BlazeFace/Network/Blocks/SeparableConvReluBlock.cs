using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Blocks;

/// <summary>
/// Keras <c>SeparableConv2D</c> followed by ReLU: a depthwise 3x3 convolution (stride 1 or 2, 'same' padding) and a
/// 1x1 convolution, with no shortcut. The back-camera model ends its backbone with one, going from 16x16 to 8x8.
/// </summary>
/// <remarks>
/// The TFLite converter splits the Keras layer into two operators and names the depthwise one
/// <c>&lt;layer&gt;__xeno_compat__depthwise</c>, so the depthwise layer carries that name and the 1x1 layer the Keras
/// layer's own. The ReLU runs in the 1x1 convolution's epilogue.
/// </remarks>
internal sealed class SeparableConvReluBlock : INetworkNode
{
    private readonly DepthwiseConv2D _depthwise;
    private readonly Conv2D _pointwise;

    public SeparableConvReluBlock(LayerNamer names, Layer input, int filters, int stride, KernelSet kernels)
    {
        string name = names.Next("separable_conv2d");
        _depthwise = new DepthwiseConv2D($"{name}__xeno_compat__depthwise", input, kernelSize: 3, stride, PaddingMode.Same, kernels);
        _pointwise = new Conv2D(name, _depthwise, filters, kernelSize: 1, stride: 1, PaddingMode.Valid, kernels);
        Output = new ReLU(names.Next("activation"), _pointwise, kernels);
    }

    public ReLU Output { get; }

    public IReadOnlyList<Layer> Layers => [_depthwise, _pointwise, Output];

    public IReadOnlyList<Layer> Reads => _depthwise.Inputs;

    public IReadOnlyList<Layer> Writes => [_depthwise, Output];

    public void Forward(NetworkActivations activations)
    {
        _depthwise.Forward(activations);
        _pointwise.Forward(activations, ConvolutionEpilogue.ReluOnly, activations[Output]);
    }
}
