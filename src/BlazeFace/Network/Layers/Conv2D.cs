using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Network.Layers;

/// <summary>Keras <c>Conv2D</c> (square kernel, bias, no activation or a fused ReLU): TFLite CONV_2D.</summary>
/// <remarks>1x1 stride-1 convolutions run on the pointwise (GEMM) kernel, everything else on the general one.</remarks>
internal sealed class Conv2D : Layer
{
    private readonly KernelSet _kernels;
    private float[]? _packedFilter;
    private float[]? _bias;

    public Conv2D(string name, Layer input, int filters, int kernelSize, int stride, PaddingMode padding, KernelSet kernels, bool relu = false)
        : base(name, [input], TensorFlowPadding.Geometry(input.OutputShape, filters, kernelSize, stride, padding).Output)
    {
        Geometry = TensorFlowPadding.Geometry(input.OutputShape, filters, kernelSize, stride, padding);
        Padding = padding;
        Relu = relu;
        _kernels = kernels;
    }

    public Conv2DGeometry Geometry { get; }

    public PaddingMode Padding { get; }

    public int Filters => Geometry.Output.Channels;

    public int KernelSize => Geometry.KernelHeight;

    public int Stride => Geometry.StrideHeight;

    public bool IsPointwise => KernelSize == 1 && Stride == 1;

    /// <summary>Whether a ReLU is fused into the operator (TFLite's <c>fused_activation_function</c>).</summary>
    public bool Relu { get; }

    public override IEnumerable<WeightVariable> Weights =>
    [
        new($"{Name}/Kernel", [Filters, KernelSize, KernelSize, Geometry.Input.Channels], PackFilter),
        new($"{Name}/Bias", [Filters], values => _bias = values),
    ];

    public override void Forward(NetworkActivations activations) =>
        Forward(activations, Relu ? ConvolutionEpilogue.ReluOnly : ConvolutionEpilogue.None, activations[this]);

    /// <summary>
    /// Runs the convolution straight on the tensor <paramref name="padding"/> pads (its own input), the zero border
    /// becoming the window walk's padding: the padded copy is never written.
    /// </summary>
    public void ForwardFromUnpadded(NetworkActivations activations, ZeroPadding2D padding)
    {
        float[] filter = _packedFilter ?? throw Unassigned();
        float[] bias = _bias ?? throw Unassigned();
        _kernels.Conv2D.Run(padding.Unpadded(Geometry), activations[padding.Inputs[0]], filter, bias, activations[this], Relu ? ConvolutionEpilogue.ReluOnly : ConvolutionEpilogue.None);
    }

    /// <summary>Runs the convolution with <paramref name="epilogue"/> fused in, writing to <paramref name="destination"/>.</summary>
    public void Forward(NetworkActivations activations, in ConvolutionEpilogue epilogue, Span<float> destination)
    {
        float[] filter = _packedFilter ?? throw Unassigned();
        float[] bias = _bias ?? throw Unassigned();
        ReadOnlySpan<float> input = activations[Inputs[0]];
        if (IsPointwise)
        {
            _kernels.PointwiseConv2D.Run(Geometry.Output.Pixels, Geometry.Input.Channels, Filters, input, filter, bias, destination, epilogue);
        }
        else
        {
            _kernels.Conv2D.Run(Geometry, input, filter, bias, destination, epilogue);
        }
    }

    private void PackFilter(float[] ohwi) => _packedFilter = IsPointwise
        ? _kernels.PointwiseConv2D.Pack(ohwi, Filters, Geometry.Input.Channels)
        : _kernels.Conv2D.Pack(ohwi, Filters, KernelSize, KernelSize, Geometry.Input.Channels);

    private InvalidOperationException Unassigned() => new($"Layer '{Name}' has no weights assigned.");
}
