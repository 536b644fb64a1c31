using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Kernels.Depthwise;

namespace BlazeFace.Network.Layers;

/// <summary>Keras <c>DepthwiseConv2D</c> with depth multiplier 1 and bias: TFLite DEPTHWISE_CONV_2D.</summary>
internal sealed class DepthwiseConv2D : Layer
{
    private readonly IDepthwiseConv2DKernel _kernel;
    private float[]? _packedFilter;
    private float[]? _bias;

    public DepthwiseConv2D(string name, Layer input, int kernelSize, int stride, PaddingMode padding, KernelSet kernels)
        : base(name, [input], TensorFlowPadding.Geometry(input.OutputShape, input.OutputShape.Channels, kernelSize, stride, padding).Output)
    {
        Geometry = TensorFlowPadding.Geometry(input.OutputShape, input.OutputShape.Channels, kernelSize, stride, padding);
        Padding = padding;
        _kernel = kernels.DepthwiseConv2D;
    }

    public Conv2DGeometry Geometry { get; }

    public PaddingMode Padding { get; }

    public int KernelSize => Geometry.KernelHeight;

    public int Stride => Geometry.StrideHeight;

    public int Channels => Geometry.Input.Channels;

    public override IEnumerable<WeightVariable> Weights =>
    [
        new($"{Name}/Kernel", [1, KernelSize, KernelSize, Channels], values => _packedFilter = _kernel.Pack(values, KernelSize, KernelSize, Channels)),
        new($"{Name}/Bias", [Channels], values => _bias = values),
    ];

    public override void Forward(NetworkActivations activations)
    {
        float[] filter = _packedFilter ?? throw new InvalidOperationException($"Layer '{Name}' has no weights assigned.");
        float[] bias = _bias ?? throw new InvalidOperationException($"Layer '{Name}' has no weights assigned.");
        _kernel.Run(Geometry, activations[Inputs[0]], filter, bias, activations[this], relu: false);
    }
}
