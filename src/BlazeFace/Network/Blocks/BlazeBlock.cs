using BlazeFace.Kernels;
using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Blocks;

/// <summary>
/// The single BlazeBlock of the BlazeFace paper: depthwise 3x3 (stride 1 or 2) → 1x1 convolution, added to the
/// shortcut (max-pooled when striding, channel-padded when widening), then the activation: ReLU in the detectors,
/// PReLU in the face-landmark network.
/// </summary>
/// <remarks>
/// <see cref="Forward"/> runs the block fused and band by band (see <see cref="BlazeBlockBands"/>): the 1x1
/// convolution's epilogue adds the shortcut's leading channels and applies the activation, so the padding, add and
/// activation layers never touch memory, and the depthwise output stays in scratch. The layers still exist, with the
/// file's names, for weight assignment, the graph check and layer-by-layer reference runs.
/// </remarks>
/// <typeparam name="TActivation">The block's last layer.</typeparam>
internal sealed class BlazeBlock<TActivation> : INetworkNode
    where TActivation : ActivationLayer
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
    /// <param name="activation">Makes the activation layer after the add (<see cref="ReLU.Factory"/>, <see cref="PReLU.Factory"/>).</param>
    /// <param name="poolPadding">
    /// The strided shortcut's pooling padding as the file records it: 'same' in the detectors, 'valid' in the
    /// face-landmark network (the same windows on the even sizes it sees).
    /// </param>
    /// <param name="bandRows">A band height to use instead of the one chosen from the shapes (see <see cref="BandHeight"/>).</param>
    public BlazeBlock(
        LayerNamer names, Layer input, int outChannels, int stride, KernelSet kernels, Func<Layer, TActivation> activation, PaddingMode poolPadding, int? bandRows = null)
    {
        _depthwise = new DepthwiseConv2D(names.Next("depthwise_conv2d"), input, kernelSize: 3, stride, PaddingMode.Same, kernels);
        _shortcut = new BlazeBlockShortcut(names, input, stride, outChannels, kernels, poolPadding);
        _pointwise = new Conv2D(names.Next("conv2d"), _depthwise, outChannels, kernelSize: 1, stride: 1, PaddingMode.Valid, kernels);
        _add = new Add(names.Next("add"), _shortcut.Output, _pointwise, kernels);
        Output = activation(_add);
        _bands = new BlazeBlockBands(_depthwise, _pointwise, _shortcut, Output, bandRows);
    }

    public TActivation Output { get; }

    public IReadOnlyList<Layer> Layers => [_depthwise, .. _shortcut.Layers, _pointwise, _add, Output];

    public IReadOnlyList<Layer> Reads => _depthwise.Inputs;

    public IReadOnlyList<Layer> Writes => [Output];

    /// <summary>Output rows per band.</summary>
    public int BandRows => _bands.Rows;

    public int ScratchFloats => _bands.ScratchFloats;

    public void Forward(NetworkActivations activations) => _bands.Forward(activations);
}
