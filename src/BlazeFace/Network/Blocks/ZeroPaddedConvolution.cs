using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Blocks;

/// <summary>
/// A <see cref="ZeroPadding2D"/> and the 'valid' convolution (or depthwise convolution) that reads it, run as one
/// convolution of the unpadded tensor: the padded copy is never written.
/// </summary>
internal sealed class ZeroPaddedConvolution : INetworkNode
{
    private readonly ZeroPadding2D _padding;
    private readonly Layer _convolution;

    public ZeroPaddedConvolution(ZeroPadding2D padding, Conv2D convolution)
        : this(padding, (Layer)convolution)
    {
    }

    public ZeroPaddedConvolution(ZeroPadding2D padding, DepthwiseConv2D convolution)
        : this(padding, (Layer)convolution)
    {
    }

    private ZeroPaddedConvolution(ZeroPadding2D padding, Layer convolution)
    {
        if (!ReferenceEquals(convolution.Inputs[0], padding))
        {
            throw new ArgumentException($"'{convolution.Name}' does not read '{padding.Name}'.", nameof(convolution));
        }

        _padding = padding;
        _convolution = convolution;
    }

    public Layer Output => _convolution;

    public IReadOnlyList<Layer> Layers => [_padding, _convolution];

    public IReadOnlyList<Layer> Reads => _padding.Inputs;

    public IReadOnlyList<Layer> Writes => [_convolution];

    public void Forward(NetworkActivations activations)
    {
        if (_convolution is Conv2D conv)
        {
            conv.ForwardFromUnpadded(activations, _padding);
        }
        else
        {
            ((DepthwiseConv2D)_convolution).ForwardFromUnpadded(activations, _padding);
        }
    }
}
