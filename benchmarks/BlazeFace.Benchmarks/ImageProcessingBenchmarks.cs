using BenchmarkDotNet.Attributes;
using BlazeFace.Tests.Support;

namespace BlazeFace.Benchmarks;

/// <summary>
/// What rotation and automatic orientation cost: <see cref="FaceDetector.Detect(Imaging.ImageView, ImageProcessingOptions, Span{FaceDetection}, out int)"/>
/// on the 640x480 frame, against the plain span overload (baseline). A quarter turn and 30° take the one-pass turned
/// sampler; automatic orientation runs four searches and merges them.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class ImageProcessingBenchmarks : IDisposable
{
    private readonly FaceDetection[] _destination = new FaceDetection[16];
    private byte[] _pixels = [];
    private FaceDetector? _detector;

    /// <summary>The bundled model the detector runs.</summary>
    [Params(BundledModel.ShortRange, BundledModel.FullRange)]
    public BundledModel Model { get; set; }

    /// <summary>Creates the detector.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _pixels = BenchmarkFrame.Pixels;
        _detector = new FaceDetector(new FaceDetectorOptions { Model = Model.Load() });
    }

    /// <summary>No options: the plain pipeline.</summary>
    [Benchmark(Baseline = true)]
    public int Plain() => _detector!.Detect(BenchmarkFrame.View(_pixels), _destination, out _);

    /// <summary>A quarter turn.</summary>
    [Benchmark]
    public int Rotated90() => _detector!.Detect(BenchmarkFrame.View(_pixels), _destination, out _, new ImageProcessingOptions { RotationDegrees = 90 });

    /// <summary>Any other angle.</summary>
    [Benchmark]
    public int Rotated30() => _detector!.Detect(BenchmarkFrame.View(_pixels), _destination, out _, new ImageProcessingOptions { RotationDegrees = 30 });

    /// <summary>Four orientations, merged.</summary>
    [Benchmark]
    public int AutoRotate() => _detector!.Detect(BenchmarkFrame.View(_pixels), _destination, out _, new ImageProcessingOptions { AutoRotate = true });

    /// <summary>Prints the bytes one automatic-orientation call allocates, then releases the detector.</summary>
    [GlobalCleanup(Target = nameof(AutoRotate))]
    public void CheckAutoRotateAllocations()
    {
        AllocationCheck.Report(nameof(AutoRotate), $"Model={Model}", () => AutoRotate());
        Dispose();
    }

    /// <summary>Releases the detector.</summary>
    [GlobalCleanup(Targets = [nameof(Plain), nameof(Rotated90), nameof(Rotated30)])]
    public void Cleanup() => Dispose();

    /// <summary>Releases the detector's working sets.</summary>
    public void Dispose()
    {
        _detector?.Dispose();
        _detector = null;
        GC.SuppressFinalize(this);
    }
}
