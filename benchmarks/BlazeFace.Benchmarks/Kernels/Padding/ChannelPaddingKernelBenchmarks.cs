using BenchmarkDotNet.Attributes;
using BlazeFace.Kernels;
using BlazeFace.Kernels.Padding;

namespace BlazeFace.Benchmarks.Kernels;

/// <summary>
/// Channel padding at real widening shortcuts (only layer-by-layer runs use it; the fused blocks fold it into the
/// convolution's epilogue): scalar baseline against the default kernel.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class ChannelPaddingKernelBenchmarks
{
    private float[] _input = [], _output = [];
    private IChannelPaddingKernel _scalar = KernelSet.Scalar.ChannelPadding, _simd = KernelSet.Default.ChannelPadding;

    /// <summary>A narrow and a wide widening.</summary>
    public static IEnumerable<KernelLayer> Layers =>
    [
        new("short", 64, 64, 24, 28),
        new("full", 48, 48, 48, 64),
    ];

    /// <summary>The layer to run.</summary>
    [ParamsSource(nameof(Layers))]
    public KernelLayer Layer { get; set; } = null!;

    private int Pixels => Layer.Height * Layer.Width;

    /// <summary>Creates the tensors.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scalar = KernelSet.Scalar.ChannelPadding;
        _simd = KernelSet.Default.ChannelPadding;
        _input = KernelTensors.Random(Pixels * Layer.Channels, 1);
        _output = new float[Pixels * Layer.OutChannels];
    }

    /// <summary>Per-pixel span copies and clears.</summary>
    [Benchmark(Baseline = true)]
    public float Scalar() => Run(_scalar);

    /// <summary>Whole-vector copies that run over into the next pixel.</summary>
    [Benchmark]
    public float Simd() => Run(_simd);

    private float Run(IChannelPaddingKernel kernel)
    {
        kernel.Run(Pixels, Layer.Channels, 0, Layer.OutChannels - Layer.Channels, _input, _output);
        return _output[^1];
    }
}
