using BenchmarkDotNet.Attributes;
using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Kernels.Depthwise;

namespace BlazeFace.Benchmarks.Kernels;

/// <summary>The 3x3 depthwise convolution at real layer shapes (stride 1 and 2): scalar baseline against the default kernel.</summary>
[Config(typeof(BenchmarkConfig))]
public class DepthwiseConv2DKernelBenchmarks
{
    private float[] _input = [], _bias = [], _output = [], _scalarFilter = [], _simdFilter = [];
    private IDepthwiseConv2DKernel _scalar = KernelSet.Scalar.DepthwiseConv2D, _simd = KernelSet.Default.DepthwiseConv2D;

    /// <summary>The layers: the wide maps of both networks, narrow projections, and the small deep maps.</summary>
    public static IEnumerable<KernelLayer> Layers =>
    [
        new("short", 64, 64, 24, 24, Kernel: 3),
        new("short", 64, 64, 28, 28, Kernel: 3, Stride: 2),
        new("short", 16, 16, 88, 88, Kernel: 3),
        new("full", 96, 96, 32, 32, Kernel: 3),
        new("full", 96, 96, 8, 8, Kernel: 3),
        new("full", 48, 48, 48, 48, Kernel: 3),
        new("full", 48, 48, 12, 12, Kernel: 3),
        new("full", 6, 6, 384, 384, Kernel: 3),
    ];

    /// <summary>The layer to run.</summary>
    [ParamsSource(nameof(Layers))]
    public KernelLayer Layer { get; set; } = null!;

    /// <summary>Creates the tensors and packs the filter for both kernels.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scalar = KernelSet.Scalar.DepthwiseConv2D;
        _simd = KernelSet.Default.DepthwiseConv2D;
        Conv2DGeometry geometry = Layer.SameGeometry();
        _input = KernelTensors.Random(geometry.Input.Length, 1);
        float[] filter = KernelTensors.Random(Layer.Kernel * Layer.Kernel * Layer.Channels, 2);
        _bias = KernelTensors.Random(Layer.Channels, 3);
        _output = new float[geometry.Output.Length];
        _scalarFilter = _scalar.Pack(filter, Layer.Kernel, Layer.Kernel, Layer.Channels);
        _simdFilter = _simd.Pack(filter, Layer.Kernel, Layer.Kernel, Layer.Channels);
    }

    /// <summary>One output value at a time, with a bounds check per tap.</summary>
    [Benchmark(Baseline = true)]
    public float Scalar() => Run(_scalar, _scalarFilter);

    /// <summary>Vectorised over channels, weights in registers.</summary>
    [Benchmark]
    public float Simd() => Run(_simd, _simdFilter);

    private float Run(IDepthwiseConv2DKernel kernel, float[] filter)
    {
        kernel.Run(Layer.SameGeometry(), _input, filter, _bias, _output, relu: false);
        return _output[^1];
    }
}
