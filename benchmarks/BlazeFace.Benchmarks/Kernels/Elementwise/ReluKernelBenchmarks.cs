using BenchmarkDotNet.Attributes;
using BlazeFace.Kernels;
using BlazeFace.Kernels.Elementwise;

namespace BlazeFace.Benchmarks.Kernels;

/// <summary>
/// A standalone ReLU over the largest activation of each network (the fused blocks apply it in the convolutions'
/// epilogues; layer-by-layer runs use this): scalar baseline against the default kernel.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class ReluKernelBenchmarks
{
    private float[] _input = [], _output = [];
    private IReluKernel _scalar = KernelSet.Scalar.Relu, _simd = KernelSet.Default.Relu;

    /// <summary>64x64x24 (short range) and 96x96x32 (full range).</summary>
    public static IEnumerable<KernelLayer> Layers =>
    [
        new("short", 64, 64, 24, 24),
        new("full", 96, 96, 32, 32),
    ];

    /// <summary>The layer to run.</summary>
    [ParamsSource(nameof(Layers))]
    public KernelLayer Layer { get; set; } = null!;

    /// <summary>Creates the tensors.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scalar = KernelSet.Scalar.Relu;
        _simd = KernelSet.Default.Relu;
        int length = Layer.Height * Layer.Width * Layer.Channels;
        _input = KernelTensors.Random(length, 1);
        _output = new float[length];
    }

    /// <summary>One value at a time.</summary>
    [Benchmark(Baseline = true)]
    public float Scalar() => Run(_scalar);

    /// <summary>TensorPrimitives' max with 0.</summary>
    [Benchmark]
    public float Simd() => Run(_simd);

    private float Run(IReluKernel kernel)
    {
        kernel.Run(_input, _output);
        return _output[^1];
    }
}
