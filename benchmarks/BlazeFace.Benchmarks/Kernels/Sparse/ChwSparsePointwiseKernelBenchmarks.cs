using BenchmarkDotNet.Attributes;
using BlazeFace.Kernels;
using BlazeFace.Kernels.Chw;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Kernels.Sparse;

namespace BlazeFace.Benchmarks.Kernels;

/// <summary>
/// The sparse 1x1 convolution at the sparse full-range model's shapes, 30% of the weights kept as in the model:
/// scalar baseline against the default kernel, and the dense HWC GEMM on the same weights for comparison.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class ChwSparsePointwiseKernelBenchmarks
{
    private float[] _input = [], _bias = [], _output = [], _gemmFilter = [];
    private SparseFilter _filter = null!;

    /// <summary>Reductions and expansions at each resolution of the network.</summary>
    public static IEnumerable<KernelLayer> Layers =>
    [
        new("full-sparse", 96, 96, 32, 8),
        new("full-sparse", 96, 96, 8, 32),
        new("full-sparse", 48, 48, 64, 16),
        new("full-sparse", 24, 24, 32, 128),
        new("full-sparse", 12, 12, 192, 48),
        new("full-sparse", 6, 6, 384, 96),
    ];

    /// <summary>The layer to run.</summary>
    [ParamsSource(nameof(Layers))]
    public KernelLayer Layer { get; set; } = null!;

    /// <summary>Creates the tensors and a filter with 30% of its weights.</summary>
    [GlobalSetup]
    public void Setup()
    {
        int pixels = Layer.Height * Layer.Width;
        _input = KernelTensors.Random(pixels * Layer.Channels, 1);
        float[] dense = KernelTensors.Random(Layer.OutChannels * Layer.Channels, 2);
        var random = new Random(3);
        for (int i = 0; i < dense.Length; i++)
        {
            if (random.NextDouble() >= 0.3)
            {
                dense[i] = 0f;
            }
        }

        _filter = SparseFilter.FromOhwi(dense, Layer.OutChannels, Layer.Channels);
        _gemmFilter = KernelSet.Default.PointwiseConv2D.Pack(dense, Layer.OutChannels, Layer.Channels);
        _bias = KernelTensors.Random(Layer.OutChannels, 4);
        _output = new float[pixels * Layer.OutChannels];
    }

    /// <summary>One output at a time.</summary>
    [Benchmark(Baseline = true)]
    public float Scalar()
    {
        KernelSet.Scalar.ChwSparsePointwise.Run(Layer.Height * Layer.Width, _filter, _input, _bias, _output, ChwEpilogue.ReluOnly);
        return _output[^1];
    }

    /// <summary>Vectorised over pixels, zeros skipped.</summary>
    [Benchmark]
    public float Simd()
    {
        KernelSet.Default.ChwSparsePointwise.Run(Layer.Height * Layer.Width, _filter, _input, _bias, _output, ChwEpilogue.ReluOnly);
        return _output[^1];
    }

    /// <summary>The dense HWC GEMM on the same weights, zeros multiplied.</summary>
    [Benchmark]
    public float DenseGemm()
    {
        KernelSet.Default.PointwiseConv2D.Run(Layer.Height * Layer.Width, Layer.Channels, Layer.OutChannels, _input, _gemmFilter, _bias, _output, ConvolutionEpilogue.ReluOnly);
        return _output[^1];
    }
}
