using BenchmarkDotNet.Attributes;
using BlazeFace.Preprocessing;

namespace BlazeFace.Benchmarks;

/// <summary>
/// Preprocessing alone: the 640x480 Rgb24 frame letterboxed into the model's input tensor (bilinear, [-1, 1], NHWC),
/// 128x128 for the short-range model and 192x192 for the full-range one. The baseline is the plain per-pixel
/// reference the fast converter is tested against.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class PreprocessingBenchmarks
{
    private byte[] _pixels = [];
    private float[] _tensor = [];
    private ImageToTensorConverter? _converter;

    /// <summary>Side of the square model input: 128 (short range) or 192 (full range).</summary>
    [Params(128, 192)]
    public int InputSize { get; set; }

    /// <summary>Loads the frame and builds the converter, including its sampling tables for this frame size.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _pixels = BenchmarkFrame.Pixels;
        _converter = new ImageToTensorConverter(InputSize, InputSize, ResizeMode.Letterbox);
        _tensor = new float[_converter.TensorLength];

        // The first call builds the cached resampling plan; later calls, like a video stream's, reuse it.
        _converter.Convert(BenchmarkFrame.View(_pixels), _tensor);
    }

    /// <summary>The scalar reference: every tensor value computed in double from four pixels.</summary>
    [Benchmark(Baseline = true)]
    public float Reference()
    {
        ReferenceImageToTensorConverter.Convert(BenchmarkFrame.View(_pixels), _tensor, InputSize, InputSize, ResizeMode.Letterbox);
        return _tensor[^1];
    }

    /// <summary>The converter Detect uses: cached sampling tables, vectorised rows.</summary>
    [Benchmark]
    public float Converter()
    {
        _converter!.Convert(BenchmarkFrame.View(_pixels), _tensor);
        return _tensor[^1];
    }
}
