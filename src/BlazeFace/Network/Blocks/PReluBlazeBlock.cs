using BlazeFace.Kernels;
using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Blocks;

/// <summary>
/// The face-landmark network's residual block: a single BlazeBlock (depthwise 3x3, stride 1 or 2 → 1x1 convolution,
/// added to the shortcut) that ends in PReLU instead of ReLU, and whose strided shortcut pools with 'valid' padding
/// (the same windows as 'same' on the even sizes it sees, but the file records it).
/// </summary>
/// <remarks>
/// <see cref="Forward"/> runs the block fused, as <see cref="BlazeBlock"/> does: the 1x1 convolution's epilogue adds
/// the shortcut's leading channels and applies the PReLU, so the padding, add and PReLU layers never touch memory.
/// </remarks>
internal sealed class PReluBlazeBlock : INetworkNode
{
    private readonly DepthwiseConv2D _depthwise;
    private readonly Conv2D _pointwise;
    private readonly BlazeBlockShortcut _shortcut;
    private readonly Add _add;

    public PReluBlazeBlock(LayerNamer names, Layer input, int outChannels, int stride, KernelSet kernels)
    {
        _depthwise = new DepthwiseConv2D(names.Next("depthwise_conv2d"), input, kernelSize: 3, stride, PaddingMode.Same, kernels);
        _shortcut = new BlazeBlockShortcut(names, input, stride, outChannels, kernels, PaddingMode.Valid);
        _pointwise = new Conv2D(names.Next("conv2d"), _depthwise, outChannels, kernelSize: 1, stride: 1, PaddingMode.Valid, kernels);
        _add = new Add(names.Next("add"), _shortcut.Output, _pointwise, kernels);
        Output = new PReLU(names.Next("p_re_lu"), _add, kernels);
    }

    public PReLU Output { get; }

    public IReadOnlyList<Layer> Layers => [_depthwise, .. _shortcut.Layers, _pointwise, _add, Output];

    public IReadOnlyList<Layer> Reads => _depthwise.Inputs;

    public IReadOnlyList<Layer> Writes => [_depthwise, .. _shortcut.Materialized, Output];

    public void Forward(NetworkActivations activations)
    {
        _depthwise.Forward(activations);
        _shortcut.ForwardFused(activations);
        _pointwise.Forward(activations, Output.Epilogue(activations[_shortcut.Unpadded], _shortcut.Unpadded.OutputShape.Channels), activations[Output]);
    }
}
