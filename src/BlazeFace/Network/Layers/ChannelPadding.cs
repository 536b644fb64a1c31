using BlazeFace.Kernels;
using BlazeFace.Kernels.Padding;

namespace BlazeFace.Network.Layers;

/// <summary>
/// Zero channels appended to a tensor so a BlazeBlock's shortcut matches its wider output: the Lambda layer of the
/// original Keras model, a TFLite PAD on the channel axis.
/// </summary>
internal sealed class ChannelPadding : Layer
{
    private readonly IChannelPaddingKernel _kernel;

    public ChannelPadding(string name, Layer input, int padBefore, int padAfter, KernelSet kernels)
        : base(name, [input], input.OutputShape with { Channels = input.OutputShape.Channels + padBefore + padAfter })
    {
        ArgumentOutOfRangeException.ThrowIfNegative(padBefore);
        ArgumentOutOfRangeException.ThrowIfNegative(padAfter);
        PadBefore = padBefore;
        PadAfter = padAfter;
        _kernel = kernels.ChannelPadding;
    }

    public int PadBefore { get; }

    public int PadAfter { get; }

    public override void Forward(NetworkActivations activations)
    {
        TensorShape shape = Inputs[0].OutputShape;
        _kernel.Run(shape.Pixels, shape.Channels, PadBefore, PadAfter, activations[Inputs[0]], activations[this]);
    }
}
