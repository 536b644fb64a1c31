using BenchmarkDotNet.Attributes;
using BlazeFace.Tests.Support;

namespace BlazeFace.Benchmarks;

/// <summary>
/// The whole pipeline, <see cref="FaceDetector.Detect(Imaging.ImageView)"/> on the 640x480 frame with default
/// options: preprocessing, network (default kernels), decoding, weighted suppression and mapping back to the image.
/// The list overload allocates only its result array; the span overload should allocate nothing.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class DetectBenchmarks : IDisposable
{
    private readonly FaceDetection[] _destination = new FaceDetection[16];
    private byte[] _pixels = [];
    private FaceDetector? _detector;

    /// <summary>The bundled model the detector runs.</summary>
    [Params(BundledModel.ShortRange, BundledModel.FullRange, BundledModel.BackCamera)]
    public BundledModel Model { get; set; }

    /// <summary>Creates the detector and checks that it finds the face.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _pixels = BenchmarkFrame.Pixels;
        _detector = new FaceDetector(new FaceDetectorOptions { Model = Model.Load() });
        IReadOnlyList<FaceDetection> faces = _detector.Detect(BenchmarkFrame.View(_pixels));
        Console.WriteLine($"// {Model}: {faces.Count} face(s){string.Concat(faces.Select(f => $", score {f.Score:F3} at {f.BoundingBox}"))}");
        if (faces.Count == 0)
        {
            throw new InvalidOperationException("The benchmark frame should contain a face.");
        }
    }

    /// <summary>The convenient overload, which returns a new array of the faces.</summary>
    [Benchmark(Baseline = true)]
    public IReadOnlyList<FaceDetection> DetectToList() => _detector!.Detect(BenchmarkFrame.View(_pixels));

    /// <summary>The allocation-free overload, writing into a caller's buffer.</summary>
    [Benchmark]
    public int DetectToSpan() => _detector!.Detect(BenchmarkFrame.View(_pixels), _destination, out _);

    /// <summary>Prints the exact bytes <see cref="DetectToList"/> allocates per call, then releases the detector.</summary>
    [GlobalCleanup(Target = nameof(DetectToList))]
    public void CheckListAllocations()
    {
        AllocationCheck.Report(nameof(DetectToList), $"Model={Model}", () => DetectToList());
        Dispose();
    }

    /// <summary>Prints the exact bytes <see cref="DetectToSpan"/> allocates per call, then releases the detector.</summary>
    [GlobalCleanup(Target = nameof(DetectToSpan))]
    public void CheckSpanAllocations()
    {
        AllocationCheck.Report(nameof(DetectToSpan), $"Model={Model}", () => DetectToSpan());
        Dispose();
    }

    /// <summary>Releases the detector's working sets.</summary>
    public void Dispose()
    {
        _detector?.Dispose();
        GC.SuppressFinalize(this);
    }
}
