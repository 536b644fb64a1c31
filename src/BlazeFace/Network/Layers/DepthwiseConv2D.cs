using BlazeFace.Kernels;
using BlazeFace.Kernels.Chw;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Kernels.Depthwise;

namespace BlazeFace.Network.Layers;

/// <summary>Keras <c>DepthwiseConv2D</c> with depth multiplier 1, bias and an optional fused ReLU: TFLite DEPTHWISE_CONV_2D.</summary>
internal sealed class DepthwiseConv2D : Layer
{
    private readonly IDepthwiseConv2DKernel _kernel;
    private readonly IChwDepthwiseConv2DKernel _chwKernel;
    private float[]? _packedFilter;
    private float[]? _bias;

    public DepthwiseConv2D(string name, Layer input, int kernelSize, int stride, PaddingMode padding, KernelSet kernels, bool relu = false)
        : base(name, [input], TensorFlowPadding.Geometry(input.OutputShape, input.OutputShape.Channels, kernelSize, stride, padding).Output)
    {
        Geometry = TensorFlowPadding.Geometry(input.OutputShape, input.OutputShape.Channels, kernelSize, stride, padding);
        Padding = padding;
        Relu = relu;
        _kernel = kernels.DepthwiseConv2D;
        _chwKernel = kernels.ChwDepthwiseConv2D;
    }

    public Conv2DGeometry Geometry { get; }

    public PaddingMode Padding { get; }

    public int KernelSize => Geometry.KernelHeight;

    public int Stride => Geometry.StrideHeight;

    public int Channels => Geometry.Input.Channels;

    /// <summary>Whether a ReLU is fused into the operator (TFLite's <c>fused_activation_function</c>).</summary>
    public bool Relu { get; }

    public override IEnumerable<WeightVariable> Weights =>
    [
        new($"{Name}/Kernel", [1, KernelSize, KernelSize, Channels], values => _packedFilter = Layout == TensorLayout.Chw ? _chwKernel.Pack(values, Channels) : _kernel.Pack(values, KernelSize, KernelSize, Channels)),
        new($"{Name}/Bias", [Channels], values => _bias = values),
    ];

    public override void Forward(NetworkActivations activations)
    {
        if (Layout == TensorLayout.Hwc)
        {
            Run(Geometry, activations[Inputs[0]], activations[this]);
            return;
        }

        // The reference run is HWC throughout: the channel-major weights run on a CHW copy of the input.
        float[] output = new float[OutputShape.Length];
        Run(Geometry, LayoutConversion.ToChw(activations[Inputs[0]], Inputs[0].OutputShape), output);
        LayoutConversion.ToHwc(output, OutputShape, activations[this]);
    }

    public override void ForwardFused(NetworkActivations activations) => Run(Geometry, activations[Inputs[0]], activations[this]);

    /// <summary>
    /// Runs the convolution straight on the tensor <paramref name="padding"/> pads (its own input), the zero border
    /// becoming the window walk's padding: the padded copy is never written.
    /// </summary>
    public void ForwardFromUnpadded(NetworkActivations activations, ZeroPadding2D padding) =>
        Run(padding.Unpadded(Geometry), activations[padding.Inputs[0]], activations[this]);

    /// <summary>
    /// The output rows of <paramref name="band"/> (HWC) from <paramref name="input"/>, which holds the input from the
    /// band's first input row on, written from the start of <paramref name="output"/>.
    /// </summary>
    public void ForwardRows(in RowBand band, ReadOnlySpan<float> input, Span<float> output)
    {
        if (Layout != TensorLayout.Hwc)
        {
            throw new InvalidOperationException($"Layer '{Name}' runs channel-major; only HWC depthwise convolutions run on bands of rows.");
        }

        _kernel.RunRows(Geometry, band, input, _packedFilter ?? throw Unassigned(), _bias ?? throw Unassigned(), output, Relu);
    }

    /// <summary>The convolution in the layer's layout.</summary>
    private void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, Span<float> output)
    {
        float[] filter = _packedFilter ?? throw new InvalidOperationException($"Layer '{Name}' has no weights assigned.");
        float[] bias = _bias ?? throw new InvalidOperationException($"Layer '{Name}' has no weights assigned.");
        if (Layout == TensorLayout.Chw)
        {
            _chwKernel.Run(geometry, input, filter, bias, output, Relu);
        }
        else
        {
            _kernel.Run(geometry, input, filter, bias, output, Relu);
        }
    }

    private InvalidOperationException Unassigned() => new($"Layer '{Name}' has no weights assigned.");
}
