using BenchmarkDotNet.Attributes;
using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Benchmarks.Kernels;

/// <summary>
/// The 1x1 convolution (a GEMM with a fused bias, residual and ReLU epilogue) at real layer shapes of both networks:
/// the scalar twin as baseline against the default (widest SIMD) kernel.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class PointwiseConv2DKernelBenchmarks
{
    private float[] _input = [], _bias = [], _residual = [], _output = [], _scalarFilter = [], _simdFilter = [];
    private IPointwiseConv2DKernel _scalar = KernelSet.Scalar.PointwiseConv2D, _simd = KernelSet.Default.PointwiseConv2D;

    /// <summary>The layers: the widest maps, the narrow projections and heads, and the deep 6x6 and 12x12 ones.</summary>
    public static IEnumerable<KernelLayer> Layers =>
    [
        new("short", 64, 64, 24, 24, ResidualChannels: 24),
        new("short", 64, 64, 24, 28, ResidualChannels: 24),
        new("short", 16, 16, 88, 2),
        new("short", 8, 8, 96, 96, ResidualChannels: 96),
        new("full", 96, 96, 32, 8),
        new("full", 96, 96, 8, 32, ResidualChannels: 32),
        new("full", 48, 48, 64, 48),
        new("full", 48, 48, 48, 1),
        new("full", 24, 24, 128, 64),
        new("full", 6, 6, 96, 384, ResidualChannels: 384),
    ];

    /// <summary>The layer to run.</summary>
    [ParamsSource(nameof(Layers))]
    public KernelLayer Layer { get; set; } = null!;

    private int Pixels => Layer.Height * Layer.Width;

    /// <summary>Creates the tensors and packs the filter for both kernels.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scalar = KernelSet.Scalar.PointwiseConv2D;
        _simd = KernelSet.Default.PointwiseConv2D;
        _input = KernelTensors.Random(Pixels * Layer.Channels, 1);
        float[] filter = KernelTensors.Random(Layer.OutChannels * Layer.Channels, 2);
        _bias = KernelTensors.Random(Layer.OutChannels, 3);
        _residual = KernelTensors.Random(Pixels * Layer.ResidualChannels, 4);
        _output = new float[Pixels * Layer.OutChannels];
        _scalarFilter = _scalar.Pack(filter, Layer.OutChannels, Layer.Channels);
        _simdFilter = _simd.Pack(filter, Layer.OutChannels, Layer.Channels);
    }

    /// <summary>The plain triple loop.</summary>
    [Benchmark(Baseline = true)]
    public float Scalar() => Run(_scalar, _scalarFilter);

    /// <summary>The register-blocked GEMM at the widest width.</summary>
    [Benchmark]
    public float Simd() => Run(_simd, _simdFilter);

    private float Run(IPointwiseConv2DKernel kernel, float[] filter)
    {
        kernel.Run(Pixels, Layer.Channels, Layer.OutChannels, _input, filter, _bias, _output, new ConvolutionEpilogue(_residual, Layer.ResidualChannels, relu: true));
        return _output[^1];
    }
}
