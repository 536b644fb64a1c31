using BenchmarkDotNet.Attributes;
using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Benchmarks.Kernels;

/// <summary>The general convolution on the two networks' stems (3 input channels, stride 2, ReLU): scalar baseline against the default kernel.</summary>
[Config(typeof(BenchmarkConfig))]
public class Conv2DKernelBenchmarks
{
    private float[] _input = [], _bias = [], _output = [], _scalarFilter = [], _simdFilter = [];
    private IConv2DKernel _scalar = KernelSet.Scalar.Conv2D, _simd = KernelSet.Default.Conv2D;

    /// <summary>The stems: 5x5 to 24 channels on 128x128, 3x3 to 32 channels on 192x192.</summary>
    public static IEnumerable<KernelLayer> Layers =>
    [
        new("short", 128, 128, 3, 24, Kernel: 5, Stride: 2),
        new("full", 192, 192, 3, 32, Kernel: 3, Stride: 2),
    ];

    /// <summary>The layer to run.</summary>
    [ParamsSource(nameof(Layers))]
    public KernelLayer Layer { get; set; } = null!;

    /// <summary>Creates the tensors and packs the filter for both kernels.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scalar = KernelSet.Scalar.Conv2D;
        _simd = KernelSet.Default.Conv2D;
        Conv2DGeometry geometry = Layer.SameGeometry();
        _input = KernelTensors.Random(geometry.Input.Length, 1);
        float[] filter = KernelTensors.Random(Layer.OutChannels * Layer.Kernel * Layer.Kernel * Layer.Channels, 2);
        _bias = KernelTensors.Random(Layer.OutChannels, 3);
        _output = new float[geometry.Output.Length];
        _scalarFilter = _scalar.Pack(filter, Layer.OutChannels, Layer.Kernel, Layer.Kernel, Layer.Channels);
        _simdFilter = _simd.Pack(filter, Layer.OutChannels, Layer.Kernel, Layer.Kernel, Layer.Channels);
    }

    /// <summary>The direct loop, one output value at a time.</summary>
    [Benchmark(Baseline = true)]
    public float Scalar() => Run(_scalar, _scalarFilter);

    /// <summary>The GEMM micro-kernels reading the image in place.</summary>
    [Benchmark]
    public float Simd() => Run(_simd, _simdFilter);

    private float Run(IConv2DKernel kernel, float[] filter)
    {
        kernel.Run(Layer.SameGeometry(), _input, filter, _bias, _output, ConvolutionEpilogue.ReluOnly);
        return _output[^1];
    }
}
