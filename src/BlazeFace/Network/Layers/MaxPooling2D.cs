using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Kernels.Pooling;

namespace BlazeFace.Network.Layers;

/// <summary>Keras <c>MaxPooling2D</c>: TFLite MAX_POOL_2D.</summary>
internal sealed class MaxPooling2D : Layer
{
    private readonly IMaxPool2DKernel _kernel;

    public MaxPooling2D(string name, Layer input, int poolSize, int stride, PaddingMode padding, KernelSet kernels)
        : base(name, [input], TensorFlowPadding.Geometry(input.OutputShape, input.OutputShape.Channels, poolSize, stride, padding).Output)
    {
        Geometry = TensorFlowPadding.Geometry(input.OutputShape, input.OutputShape.Channels, poolSize, stride, padding);
        Padding = padding;
        _kernel = kernels.MaxPool2D;
    }

    public Conv2DGeometry Geometry { get; }

    public PaddingMode Padding { get; }

    public int PoolSize => Geometry.KernelHeight;

    public int Stride => Geometry.StrideHeight;

    public override void Forward(NetworkActivations activations) => _kernel.Run(Geometry, activations[Inputs[0]], activations[this]);

    /// <summary>
    /// The output rows of <paramref name="band"/> from <paramref name="input"/>, which holds the input from the band's
    /// first input row on, written from the start of <paramref name="output"/>.
    /// </summary>
    public void ForwardRows(in RowBand band, ReadOnlySpan<float> input, Span<float> output) => _kernel.RunRows(Geometry, band, input, output);
}
