using BenchmarkDotNet.Attributes;
using BlazeFace.Kernels;
using BlazeFace.Kernels.Elementwise;

namespace BlazeFace.Benchmarks.Kernels;

/// <summary>The feature-pyramid merges' add + ReLU (full range): scalar baseline against the default kernel.</summary>
[Config(typeof(BenchmarkConfig))]
public class AddKernelBenchmarks
{
    private float[] _left = [], _right = [], _output = [];
    private IAddKernel _scalar = KernelSet.Scalar.Add, _simd = KernelSet.Default.Add;

    /// <summary>The merges at 12x12x96 and 48x48x48.</summary>
    public static IEnumerable<KernelLayer> Layers =>
    [
        new("full", 12, 12, 96, 96),
        new("full", 48, 48, 48, 48),
    ];

    /// <summary>The layer to run.</summary>
    [ParamsSource(nameof(Layers))]
    public KernelLayer Layer { get; set; } = null!;

    /// <summary>Creates the tensors.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scalar = KernelSet.Scalar.Add;
        _simd = KernelSet.Default.Add;
        int length = Layer.Height * Layer.Width * Layer.Channels;
        _left = KernelTensors.Random(length, 1);
        _right = KernelTensors.Random(length, 2);
        _output = new float[length];
    }

    /// <summary>One value at a time.</summary>
    [Benchmark(Baseline = true)]
    public float Scalar() => Run(_scalar);

    /// <summary>TensorPrimitives' add, then max with 0.</summary>
    [Benchmark]
    public float Simd() => Run(_simd);

    private float Run(IAddKernel kernel)
    {
        kernel.Run(_left, _right, _output, relu: true);
        return _output[^1];
    }
}
