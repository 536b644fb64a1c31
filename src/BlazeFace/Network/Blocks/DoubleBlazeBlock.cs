using BlazeFace.Kernels;
using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Blocks;

/// <summary>
/// The double BlazeBlock of the BlazeFace paper: depthwise 3x3 (stride 1 or 2) → 1x1 projection to a narrow
/// width → ReLU → depthwise 3x3 → 1x1 expansion, added to the shortcut, then ReLU.
/// </summary>
/// <remarks>
/// <see cref="Forward"/> runs the block band by band (see <see cref="DoubleBlazeBlockBands"/>), both 1x1 convolutions
/// with their ReLU (and the second with the shortcut) fused into the epilogue, so only the block's output reaches the
/// activations.
/// </remarks>
internal sealed class DoubleBlazeBlock : INetworkNode
{
    private readonly DepthwiseConv2D _depthwise1;
    private readonly Conv2D _projection;
    private readonly ReLU _projectionRelu;
    private readonly DepthwiseConv2D _depthwise2;
    private readonly Conv2D _expansion;
    private readonly BlazeBlockShortcut _shortcut;
    private readonly Add _add;
    private readonly DoubleBlazeBlockBands _bands;

    /// <param name="names">Names the block's layers as Keras named them.</param>
    /// <param name="input">The block's input.</param>
    /// <param name="projectionChannels">The narrow width between the two depthwise convolutions.</param>
    /// <param name="outChannels">The block's output channels, at least the input's (the shortcut is zero-padded to them).</param>
    /// <param name="stride">1, or 2 to halve the resolution (the shortcut is then 2x2 max-pooled).</param>
    /// <param name="kernels">The kernels the layers run on.</param>
    /// <param name="bandRows">A band height to use instead of the one chosen from the shapes (see <see cref="BandHeight"/>).</param>
    public DoubleBlazeBlock(LayerNamer names, Layer input, int projectionChannels, int outChannels, int stride, KernelSet kernels, int? bandRows = null)
    {
        _depthwise1 = new DepthwiseConv2D(names.Next("depthwise_conv2d"), input, kernelSize: 3, stride, PaddingMode.Same, kernels);
        _projection = new Conv2D(names.Next("conv2d"), _depthwise1, projectionChannels, kernelSize: 1, stride: 1, PaddingMode.Valid, kernels);
        _projectionRelu = new ReLU(names.Next("activation"), _projection, kernels);
        _depthwise2 = new DepthwiseConv2D(names.Next("depthwise_conv2d"), _projectionRelu, kernelSize: 3, stride: 1, PaddingMode.Same, kernels);
        _shortcut = new BlazeBlockShortcut(names, input, stride, outChannels, kernels);
        _expansion = new Conv2D(names.Next("conv2d"), _depthwise2, outChannels, kernelSize: 1, stride: 1, PaddingMode.Valid, kernels);
        _add = new Add(names.Next("add"), _shortcut.Output, _expansion, kernels);
        Output = new ReLU(names.Next("activation"), _add, kernels);
        _bands = new DoubleBlazeBlockBands(_depthwise1, _projection, _depthwise2, _expansion, _shortcut, Output, bandRows);
    }

    public ReLU Output { get; }

    public IReadOnlyList<Layer> Layers => [_depthwise1, _projection, _projectionRelu, _depthwise2, .. _shortcut.Layers, _expansion, _add, Output];

    public IReadOnlyList<Layer> Reads => _depthwise1.Inputs;

    public IReadOnlyList<Layer> Writes => [Output];

    /// <summary>Output rows per band.</summary>
    public int BandRows => _bands.Rows;

    public int ScratchFloats => _bands.ScratchFloats;

    public void Forward(NetworkActivations activations) => _bands.Forward(activations);
}
