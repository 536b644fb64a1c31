using BlazeFace.Kernels.Chw;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Blocks;

/// <summary>
/// A 1x1 convolution whose output is added to a shortcut (with the add's fused ReLU): one convolution with the
/// shortcut and the ReLU in its epilogue, so the convolution's own output never reaches memory.
/// </summary>
internal sealed class ResidualPointwise : INetworkNode
{
    private readonly Conv2D _pointwise;
    private readonly Add _add;

    public ResidualPointwise(Conv2D pointwise, Add add)
    {
        if (pointwise.Relu || !ReferenceEquals(add.Inputs[1], pointwise) || add.Inputs[0].OutputShape != pointwise.OutputShape)
        {
            throw new ArgumentException($"'{add.Name}' must add the un-activated '{pointwise.Name}' (second) to an equally shaped shortcut (first).", nameof(add));
        }

        _pointwise = pointwise;
        _add = add;
    }

    public Add Output => _add;

    public IReadOnlyList<Layer> Layers => [_pointwise, _add];

    public IReadOnlyList<Layer> Reads => [_pointwise.Inputs[0], _add.Inputs[0]];

    public IReadOnlyList<Layer> Writes => [_add];

    public void Forward(NetworkActivations activations)
    {
        Layer shortcut = _add.Inputs[0];
        if (_pointwise.Layout == TensorLayout.Chw)
        {
            _pointwise.ForwardChw(activations, new ChwEpilogue(activations[shortcut], _add.Relu), activations[_add]);
        }
        else
        {
            _pointwise.Forward(activations, new ConvolutionEpilogue(activations[shortcut], shortcut.OutputShape.Channels, _add.Relu), activations[_add]);
        }
    }
}
