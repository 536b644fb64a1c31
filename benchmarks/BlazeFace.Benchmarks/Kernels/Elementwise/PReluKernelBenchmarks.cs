using BenchmarkDotNet.Attributes;
using BlazeFace.Kernels;
using BlazeFace.Kernels.Elementwise;

namespace BlazeFace.Benchmarks.Kernels;

/// <summary>
/// A standalone PReLU over the face-landmark network's largest activations (the fused blocks apply it in the
/// convolutions' epilogues; layer-by-layer runs use this): scalar baseline against the default kernel.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class PReluKernelBenchmarks
{
    private float[] _input = [], _output = [], _scalarAlpha = [], _simdAlpha = [];
    private IPReluKernel _scalar = KernelSet.Scalar.PRelu, _simd = KernelSet.Default.PRelu;

    /// <summary>96x96x16 (the stem and first blocks) and 48x48x32.</summary>
    public static IEnumerable<KernelLayer> Layers =>
    [
        new("landmarks", 96, 96, 16, 16),
        new("landmarks", 48, 48, 32, 32),
    ];

    /// <summary>The layer to run.</summary>
    [ParamsSource(nameof(Layers))]
    public KernelLayer Layer { get; set; } = null!;

    /// <summary>Creates the tensors and packs the slopes for each kernel.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scalar = KernelSet.Scalar.PRelu;
        _simd = KernelSet.Default.PRelu;
        int length = Layer.Height * Layer.Width * Layer.Channels;
        _input = KernelTensors.Random(length, 1);
        _output = new float[length];
        float[] alpha = KernelTensors.Random(Layer.Channels, 2);
        _scalarAlpha = _scalar.Pack(alpha);
        _simdAlpha = _simd.Pack(alpha);
    }

    /// <summary>One value at a time.</summary>
    [Benchmark(Baseline = true)]
    public float Scalar() => Run(_scalar, _scalarAlpha);

    /// <summary>Whole vectors over the flat tensor with the pre-tiled slopes.</summary>
    [Benchmark]
    public float Simd() => Run(_simd, _simdAlpha);

    private float Run(IPReluKernel kernel, float[] packedAlpha)
    {
        kernel.Run(_input, packedAlpha, Layer.Channels, _output);
        return _output[^1];
    }
}
