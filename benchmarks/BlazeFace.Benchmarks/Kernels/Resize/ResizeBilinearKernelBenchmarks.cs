using BenchmarkDotNet.Attributes;
using BlazeFace.Kernels;
using BlazeFace.Kernels.Resize;

namespace BlazeFace.Benchmarks.Kernels;

/// <summary>The full-range pyramid's 2x bilinear up-sampling at its three shapes: scalar baseline against the default kernel.</summary>
[Config(typeof(BenchmarkConfig))]
public class ResizeBilinearKernelBenchmarks
{
    private float[] _input = [], _output = [];
    private IResizeBilinearKernel _scalar = KernelSet.Scalar.ResizeBilinear, _simd = KernelSet.Default.ResizeBilinear;

    /// <summary>6x6x96, 12x12x64 and 24x24x48, each doubled (the layer's <see cref="KernelLayer.Stride"/> is the factor).</summary>
    public static IEnumerable<KernelLayer> Layers =>
    [
        new("full", 6, 6, 96, 96, Stride: 2),
        new("full", 12, 12, 64, 64, Stride: 2),
        new("full", 24, 24, 48, 48, Stride: 2),
    ];

    /// <summary>The layer to run.</summary>
    [ParamsSource(nameof(Layers))]
    public KernelLayer Layer { get; set; } = null!;

    private TensorShape OutputShape => new(Layer.Height * Layer.Stride, Layer.Width * Layer.Stride, Layer.Channels);

    /// <summary>Creates the tensors.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scalar = KernelSet.Scalar.ResizeBilinear;
        _simd = KernelSet.Default.ResizeBilinear;
        _input = KernelTensors.Random(Layer.Input.Length, 1);
        _output = new float[OutputShape.Length];
    }

    /// <summary>One output value at a time.</summary>
    [Benchmark(Baseline = true)]
    public float Scalar() => Run(_scalar);

    /// <summary>Vectorised over channels.</summary>
    [Benchmark]
    public float Simd() => Run(_simd);

    private float Run(IResizeBilinearKernel kernel)
    {
        kernel.Run(Layer.Input, OutputShape, alignCorners: false, halfPixelCenters: true, _input, _output);
        return _output[^1];
    }
}
