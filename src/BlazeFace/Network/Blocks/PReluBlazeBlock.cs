using BlazeFace.Kernels;
using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Blocks;

/// <summary>
/// The face-landmark network's residual block: a single BlazeBlock (depthwise 3x3, stride 1 or 2 → 1x1 convolution,
/// added to the shortcut) that ends in PReLU instead of ReLU, and whose strided shortcut pools with 'valid' padding
/// (the same windows as 'same' on the even sizes it sees, but the file records it).
/// </summary>
/// <remarks>
/// <see cref="Forward"/> runs the block fused and band by band, as <see cref="BlazeBlock"/> does: the 1x1 convolution's
/// epilogue adds the shortcut's leading channels and applies the PReLU, so the padding, add and PReLU layers never touch
/// memory, and the depthwise output stays in scratch.
/// </remarks>
internal sealed class PReluBlazeBlock : INetworkNode
{
    private readonly DepthwiseConv2D _depthwise;
    private readonly Conv2D _pointwise;
    private readonly BlazeBlockShortcut _shortcut;
    private readonly Add _add;
    private readonly BlazeBlockBands _bands;

    /// <param name="names">Names the block's layers as Keras named them.</param>
    /// <param name="input">The block's input.</param>
    /// <param name="outChannels">The block's output channels, at least the input's (the shortcut is zero-padded to them).</param>
    /// <param name="stride">1, or 2 to halve the resolution (the shortcut is then 2x2 max-pooled).</param>
    /// <param name="kernels">The kernels the layers run on.</param>
    /// <param name="bandRows">A band height to use instead of the one chosen from the shapes (see <see cref="BandHeight"/>).</param>
    public PReluBlazeBlock(LayerNamer names, Layer input, int outChannels, int stride, KernelSet kernels, int? bandRows = null)
    {
        _depthwise = new DepthwiseConv2D(names.Next("depthwise_conv2d"), input, kernelSize: 3, stride, PaddingMode.Same, kernels);
        _shortcut = new BlazeBlockShortcut(names, input, stride, outChannels, kernels, PaddingMode.Valid);
        _pointwise = new Conv2D(names.Next("conv2d"), _depthwise, outChannels, kernelSize: 1, stride: 1, PaddingMode.Valid, kernels);
        _add = new Add(names.Next("add"), _shortcut.Output, _pointwise, kernels);
        Output = new PReLU(names.Next("p_re_lu"), _add, kernels);
        _bands = new BlazeBlockBands(_depthwise, _pointwise, _shortcut, Output, Output.Epilogue, bandRows);
    }

    public PReLU Output { get; }

    public IReadOnlyList<Layer> Layers => [_depthwise, .. _shortcut.Layers, _pointwise, _add, Output];

    public IReadOnlyList<Layer> Reads => _depthwise.Inputs;

    public IReadOnlyList<Layer> Writes => [Output];

    /// <summary>Output rows per band.</summary>
    public int BandRows => _bands.Rows;

    public int ScratchFloats => _bands.ScratchFloats;

    public void Forward(NetworkActivations activations) => _bands.Forward(activations);
}
