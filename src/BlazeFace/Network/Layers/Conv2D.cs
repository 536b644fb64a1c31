using BlazeFace.Kernels;
using BlazeFace.Kernels.Chw;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Kernels.Sparse;

namespace BlazeFace.Network.Layers;

/// <summary>Keras <c>Conv2D</c> (square kernel, bias, no activation or a fused ReLU): TFLite CONV_2D.</summary>
/// <remarks>
/// HWC: 1x1 stride-1 convolutions run on the pointwise (GEMM) kernel, everything else on the general one. CHW
/// (<see cref="Layer.Layout"/>): a 1x1 convolution keeps only its nonzero weights and runs on the sparse kernel; any
/// other convolution reads an HWC input (a network's first layer) and writes CHW.
/// </remarks>
internal sealed class Conv2D : Layer
{
    private readonly KernelSet _kernels;
    private float[]? _packedFilter;
    private SparseFilter? _sparseFilter;
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

    /// <summary>The share of stored weights in a CHW 1x1 convolution's filter (1 for a dense one); null for other layouts.</summary>
    public double? Density => _sparseFilter?.Density;

    public override void Forward(NetworkActivations activations)
    {
        if (Layout == TensorLayout.Hwc)
        {
            Forward(activations, Relu ? ConvolutionEpilogue.ReluOnly : ConvolutionEpilogue.None, activations[this]);
            return;
        }

        // The reference run is HWC throughout: the channel-major weights run on a CHW copy of the input.
        TensorShape inputShape = Inputs[0].OutputShape;
        float[] output = new float[OutputShape.Length];
        if (IsPointwise)
        {
            RunSparse(LayoutConversion.ToChw(activations[Inputs[0]], inputShape), Relu ? ChwEpilogue.ReluOnly : ChwEpilogue.None, output);
        }
        else
        {
            _kernels.HwcToChwConv2D.Run(Geometry, activations[Inputs[0]], _packedFilter ?? throw Unassigned(), _bias ?? throw Unassigned(), output, Relu);
        }

        LayoutConversion.ToHwc(output, OutputShape, activations[this]);
    }

    public override void ForwardFused(NetworkActivations activations)
    {
        if (Layout == TensorLayout.Hwc)
        {
            Forward(activations);
        }
        else if (IsPointwise)
        {
            RunSparse(activations[Inputs[0]], Relu ? ChwEpilogue.ReluOnly : ChwEpilogue.None, activations[this]);
        }
        else
        {
            _kernels.HwcToChwConv2D.Run(Geometry, activations[Inputs[0]], _packedFilter ?? throw Unassigned(), _bias ?? throw Unassigned(), activations[this], Relu);
        }
    }

    /// <summary>
    /// Runs the convolution straight on the tensor <paramref name="padding"/> pads (its own input), the zero border
    /// becoming the window walk's padding: the padded copy is never written.
    /// </summary>
    public void ForwardFromUnpadded(NetworkActivations activations, ZeroPadding2D padding)
    {
        float[] filter = _packedFilter ?? throw Unassigned();
        float[] bias = _bias ?? throw Unassigned();
        Conv2DGeometry geometry = padding.Unpadded(Geometry);
        if (Layout == TensorLayout.Chw)
        {
            _kernels.HwcToChwConv2D.Run(geometry, activations[padding.Inputs[0]], filter, bias, activations[this], Relu);
        }
        else
        {
            _kernels.Conv2D.Run(geometry, activations[padding.Inputs[0]], filter, bias, activations[this], Relu ? ConvolutionEpilogue.ReluOnly : ConvolutionEpilogue.None);
        }
    }

    /// <summary>A CHW 1x1 convolution of the fused run with <paramref name="epilogue"/>, writing to <paramref name="destination"/>.</summary>
    public void ForwardChw(NetworkActivations activations, in ChwEpilogue epilogue, Span<float> destination) =>
        RunSparse(activations[Inputs[0]], epilogue, destination);

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

    /// <summary>
    /// This 1x1 convolution (HWC) on <paramref name="pixels"/> pixels of <paramref name="input"/> (a band of rows kept in
    /// scratch) with <paramref name="epilogue"/> fused in, writing those pixels to <paramref name="destination"/>.
    /// </summary>
    public void ForwardPixels(int pixels, ReadOnlySpan<float> input, in ConvolutionEpilogue epilogue, Span<float> destination)
    {
        if (!IsPointwise || Layout != TensorLayout.Hwc)
        {
            throw new InvalidOperationException($"Layer '{Name}' is not an HWC 1x1 convolution; only those run on a band of pixels.");
        }

        _kernels.PointwiseConv2D.Run(pixels, Geometry.Input.Channels, Filters, input, _packedFilter ?? throw Unassigned(), _bias ?? throw Unassigned(), destination, epilogue);
    }

    private void RunSparse(ReadOnlySpan<float> inputChw, in ChwEpilogue epilogue, Span<float> destination) =>
        _kernels.ChwSparsePointwise.Run(OutputShape.Pixels, _sparseFilter ?? throw Unassigned(), inputChw, _bias ?? throw Unassigned(), destination, epilogue);

    private void PackFilter(float[] ohwi)
    {
        if (Layout == TensorLayout.Chw)
        {
            // The HWC-to-CHW kernel reads TFLite's OHWI as it is.
            if (IsPointwise)
            {
                _sparseFilter = SparseFilter.FromOhwi(ohwi, Filters, Geometry.Input.Channels);
            }
            else
            {
                _packedFilter = ohwi;
            }

            return;
        }

        _packedFilter = IsPointwise
            ? _kernels.PointwiseConv2D.Pack(ohwi, Filters, Geometry.Input.Channels)
            : _kernels.Conv2D.Pack(ohwi, Filters, KernelSize, KernelSize, Geometry.Input.Channels);
    }

    private InvalidOperationException Unassigned() => new($"Layer '{Name}' has no weights assigned.");
}
