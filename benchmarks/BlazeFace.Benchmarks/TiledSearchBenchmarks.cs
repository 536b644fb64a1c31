using BenchmarkDotNet.Attributes;
using BlazeFace.Tests.Support;

namespace BlazeFace.Benchmarks;

/// <summary>
/// What a tiled search costs and finds, on the tests' 1920x1080 scene with twelve faces of 20-40 pixels: the
/// full-range model on the whole image (baseline) against tiled searches. Recall and false detections are printed
/// at setup, since they do not change from call to call.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class TiledSearchBenchmarks : IDisposable
{
    private static readonly Lazy<SmallFaceScene> Scene = new(FixturePhotos.SmallFaceScene);

    private readonly FaceDetection[] _destination = new FaceDetection[64];
    private FaceDetector? _fullRange;
    private FaceDetector? _shortRange;
    private FaceDetector? _backCamera;

    /// <summary>Creates the detectors and reports what each search finds.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _fullRange = new FaceDetector(new FaceDetectorOptions { Model = BlazeFaceModel.FullRange });
        _shortRange = new FaceDetector(new FaceDetectorOptions { Model = BlazeFaceModel.ShortRange });
        _backCamera = new FaceDetector(new FaceDetectorOptions { Model = BlazeFaceModel.BackCamera });
        Report(nameof(FullRangeWholeImage), _fullRange, default);
        Report(nameof(FullRangeTiled), _fullRange, Tiled);
        Report(nameof(ShortRangeTiled), _shortRange, Tiled);
        Report(nameof(BackCameraTiled), _backCamera, Tiled);
    }

    private static ImageProcessingOptions Tiled => new() { Tiling = TilingOptions.Default };

    /// <summary>The full-range model alone, on the whole image.</summary>
    [Benchmark(Baseline = true)]
    public int FullRangeWholeImage() => _fullRange!.Detect(Scene.Value.Image.AsView(), _destination, out _);

    /// <summary>Full range, tiles of 192 px and the coarser levels, plus the whole image.</summary>
    [Benchmark]
    public int FullRangeTiled() => _fullRange!.Detect(Scene.Value.Image.AsView(), _destination, out _, Tiled);

    /// <summary>Short range, tiles of 128 px and the coarser levels, plus the whole image.</summary>
    [Benchmark]
    public int ShortRangeTiled() => _shortRange!.Detect(Scene.Value.Image.AsView(), _destination, out _, Tiled);

    /// <summary>Back camera, tiles of 256 px and the coarser levels, plus the whole image.</summary>
    [Benchmark]
    public int BackCameraTiled() => _backCamera!.Detect(Scene.Value.Image.AsView(), _destination, out _, Tiled);

    /// <summary>Prints the bytes one tiled call allocates, then releases the detectors.</summary>
    [GlobalCleanup(Target = nameof(FullRangeTiled))]
    public void CheckTiledAllocations()
    {
        AllocationCheck.Report(nameof(FullRangeTiled), "scene", () => FullRangeTiled());
        Dispose();
    }

    /// <summary>Releases the detectors.</summary>
    [GlobalCleanup(Targets = [nameof(FullRangeWholeImage), nameof(ShortRangeTiled), nameof(BackCameraTiled)])]
    public void Cleanup() => Dispose();

    /// <summary>Releases the detectors' working sets.</summary>
    public void Dispose()
    {
        _fullRange?.Dispose();
        _shortRange?.Dispose();
        _backCamera?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static void Report(string search, FaceDetector detector, ImageProcessingOptions options)
    {
        IReadOnlyList<FaceDetection> found = detector.Detect(Scene.Value.Image.AsView(), options);
        Console.WriteLine($"// Recall: {search} finds {Scene.Value.CountFound(found)} of {Scene.Value.Faces.Count} faces (IoU >= 0.5), {Scene.Value.CountFalse(found)} false detections, {found.Count} in all");
    }
}
