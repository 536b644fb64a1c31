using BenchmarkDotNet.Attributes;
using BlazeFace.Alignment;
using BlazeFace.Imaging;

namespace BlazeFace.Benchmarks;

/// <summary>One aligned 128x128 crop of the frame's face into a caller's buffer: turn, scale, bilinear sampling.</summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class FaceAlignerBenchmarks
{
    private readonly FaceAligner _aligner = new();
    private readonly byte[] _crop = new byte[128 * 128 * 3];
    private byte[] _pixels = [];
    private FaceDetection _face;

    /// <summary>Finds the frame's face once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _pixels = BenchmarkFrame.Pixels;
        using var detector = new FaceDetector();
        _face = detector.Detect(BenchmarkFrame.View(_pixels))[0];
    }

    /// <summary>The crop, Rgb24.</summary>
    [Benchmark]
    public RotatedBox Align() => _aligner.Align(BenchmarkFrame.View(_pixels), _face, _crop);
}
