using BenchmarkDotNet.Attributes;
using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Kernels.Pooling;

namespace BlazeFace.Benchmarks.Kernels;

/// <summary>The BlazeBlocks' 2x2 stride-2 max pooling at real layer shapes: scalar baseline against the default kernel.</summary>
[Config(typeof(BenchmarkConfig))]
public class MaxPool2DKernelBenchmarks
{
    private float[] _input = [], _output = [];
    private IMaxPool2DKernel _scalar = KernelSet.Scalar.MaxPool2D, _simd = KernelSet.Default.MaxPool2D;

    /// <summary>The first (largest) pool of each network and a small deep one.</summary>
    public static IEnumerable<KernelLayer> Layers =>
    [
        new("short", 64, 64, 28, 28, Kernel: 2, Stride: 2),
        new("full", 96, 96, 32, 32, Kernel: 2, Stride: 2),
        new("full", 12, 12, 256, 256, Kernel: 2, Stride: 2),
    ];

    /// <summary>The layer to run.</summary>
    [ParamsSource(nameof(Layers))]
    public KernelLayer Layer { get; set; } = null!;

    /// <summary>Creates the tensors.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scalar = KernelSet.Scalar.MaxPool2D;
        _simd = KernelSet.Default.MaxPool2D;
        Conv2DGeometry geometry = Layer.SameGeometry();
        _input = KernelTensors.Random(geometry.Input.Length, 1);
        _output = new float[geometry.Output.Length];
    }

    /// <summary>One output value at a time.</summary>
    [Benchmark(Baseline = true)]
    public float Scalar() => Run(_scalar);

    /// <summary>Vectorised over channels.</summary>
    [Benchmark]
    public float Simd() => Run(_simd);

    private float Run(IMaxPool2DKernel kernel)
    {
        kernel.Run(Layer.SameGeometry(), _input, _output);
        return _output[^1];
    }
}
