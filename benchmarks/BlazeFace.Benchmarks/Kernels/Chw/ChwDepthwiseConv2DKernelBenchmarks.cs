using BenchmarkDotNet.Attributes;
using BlazeFace.Kernels;
using BlazeFace.Kernels.Chw;
using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Benchmarks.Kernels;

/// <summary>
/// The CHW 3x3 depthwise convolution at the sparse full-range model's shapes (one-pixel border, stride 1 and 2):
/// scalar baseline against the default kernel, and the HWC kernel on the same layer for comparison.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class ChwDepthwiseConv2DKernelBenchmarks
{
    private float[] _input = [], _bias = [], _output = [], _scalarFilter = [], _simdFilter = [], _hwcFilter = [];
    private Conv2DGeometry _geometry;

    /// <summary>The layers: the widest maps, a narrow one, a strided one and the smallest deep map.</summary>
    public static IEnumerable<KernelLayer> Layers =>
    [
        new("full-sparse", 96, 96, 32, 32, Kernel: 3),
        new("full-sparse", 96, 96, 8, 8, Kernel: 3),
        new("full-sparse", 96, 96, 32, 32, Kernel: 3, Stride: 2),
        new("full-sparse", 48, 48, 64, 64, Kernel: 3),
        new("full-sparse", 6, 6, 384, 384, Kernel: 3),
    ];

    /// <summary>The layer to run.</summary>
    [ParamsSource(nameof(Layers))]
    public KernelLayer Layer { get; set; } = null!;

    /// <summary>Creates the tensors and packs the filter for each kernel.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _geometry = Layer.PaddedGeometry(pad: 1);
        _input = KernelTensors.Random(_geometry.Input.Length, 1);
        float[] filter = KernelTensors.Random(9 * Layer.Channels, 2);
        _bias = KernelTensors.Random(Layer.Channels, 3);
        _output = new float[_geometry.Output.Length];
        _scalarFilter = KernelSet.Scalar.ChwDepthwiseConv2D.Pack(filter, Layer.Channels);
        _simdFilter = KernelSet.Default.ChwDepthwiseConv2D.Pack(filter, Layer.Channels);
        _hwcFilter = KernelSet.Default.DepthwiseConv2D.Pack(filter, 3, 3, Layer.Channels);
    }

    /// <summary>One output at a time, a bounds check per tap.</summary>
    [Benchmark(Baseline = true)]
    public float Scalar()
    {
        KernelSet.Scalar.ChwDepthwiseConv2D.Run(_geometry, _input, _scalarFilter, _bias, _output, relu: false);
        return _output[^1];
    }

    /// <summary>Vectorised along rows, from zero-bordered scratch rows.</summary>
    [Benchmark]
    public float Simd()
    {
        KernelSet.Default.ChwDepthwiseConv2D.Run(_geometry, _input, _simdFilter, _bias, _output, relu: false);
        return _output[^1];
    }

    /// <summary>The HWC kernel (vectorised over channels) on the same layer.</summary>
    [Benchmark]
    public float HwcSimd()
    {
        KernelSet.Default.DepthwiseConv2D.Run(_geometry, _input, _hwcFilter, _bias, _output, relu: false);
        return _output[^1];
    }
}
