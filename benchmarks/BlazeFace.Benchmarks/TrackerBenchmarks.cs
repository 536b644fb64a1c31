using BenchmarkDotNet.Attributes;
using BlazeFace.Tests.Support;

namespace BlazeFace.Benchmarks;

/// <summary>
/// What tracking adds to detection per 640x480 frame: <see cref="FaceDetector.Detect(Imaging.ImageView, Span{FaceDetection})"/>
/// (baseline) against <see cref="FaceTracker.Track(Imaging.ImageView, TimeSpan, Span{TrackedFace})"/> on the same
/// frame, which runs that Detect and then matches, smooths and reports the face; and the tracking step alone, on the
/// frame's detections, without the detector.
/// </summary>
/// <remarks>
/// <para>
/// Each call is the next frame of a stream, 33 ms after the previous one, with the face already confirmed (the
/// setup warms the trackers up), so the steady state of a video is measured: one track predicted, matched and
/// filtered per frame.
/// </para>
/// <para>
/// The difference between Detect and Track (a fraction of a microsecond on half a millisecond) is far below what
/// separate BenchmarkDotNet cases resolve on a shared machine, so the cleanup also times the two calls alternately
/// and prints a line <c>// Interleaved check [...]</c> with both medians; <see cref="TrackDetections"/> measures the
/// tracking step directly.
/// </para>
/// </remarks>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class TrackerBenchmarks : IDisposable
{
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(33);

    private readonly FaceDetection[] _detections = new FaceDetection[16];
    private readonly TrackedFace[] _faces = new TrackedFace[16];
    private byte[] _pixels = [];
    private FaceDetection[] _frameDetections = [];
    private FaceDetector? _detector;
    private FaceTracker? _tracker;
    private FaceTracker? _detectionsTracker;
    private TimeSpan _time;
    private TimeSpan _detectionsTime;

    /// <summary>The bundled model the detector runs.</summary>
    [Params(BundledModel.ShortRange, BundledModel.FullRange, BundledModel.BackCamera)]
    public BundledModel Model { get; set; }

    /// <summary>Creates the detector and two trackers, and tracks a few frames so the face is confirmed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _pixels = BenchmarkFrame.Pixels;
        _detector = new FaceDetector(new FaceDetectorOptions { Model = Model.Load() });
        _tracker = new FaceTracker(_detector);
        _detectionsTracker = new FaceTracker(_detector);
        _frameDetections = [.. _detector.Detect(BenchmarkFrame.View(_pixels))];
        int tracked = 0;
        for (int i = 0; i < 5; i++)
        {
            tracked = TrackFrame();
            TrackDetections();
        }

        Console.WriteLine($"// {Model}: {_frameDetections.Length} detection(s), {tracked} confirmed track(s)");
        if (tracked != 1)
        {
            throw new InvalidOperationException("The benchmark frame should give one confirmed track.");
        }
    }

    /// <summary>Detection alone, into a span (allocation-free).</summary>
    [Benchmark(Baseline = true)]
    public int DetectFrame() => _detector!.Detect(BenchmarkFrame.View(_pixels), _detections, out _);

    /// <summary>Detection and tracking, into a span (allocation-free).</summary>
    [Benchmark]
    public int TrackFrame()
    {
        _time += FrameInterval;
        return _tracker!.Track(BenchmarkFrame.View(_pixels), _time, _faces, out _);
    }

    /// <summary>The tracking step alone, on the frame's detections.</summary>
    [Benchmark]
    public int TrackDetections()
    {
        _detectionsTime += FrameInterval;
        return _detectionsTracker!.Track(_frameDetections, _detectionsTime, _faces, out _);
    }

    /// <summary>
    /// Prints the exact bytes <see cref="TrackFrame"/> allocates per call, and the medians of <see cref="DetectFrame"/>
    /// and <see cref="TrackFrame"/> timed alternately (<see cref="InterleavedComparison"/>), then releases the detector.
    /// </summary>
    [GlobalCleanup(Target = nameof(TrackFrame))]
    public void CheckTrackFrameAllocationsAndOverhead()
    {
        AllocationCheck.Report(nameof(TrackFrame), $"Model={Model}", () => TrackFrame());
        InterleavedComparison.Report($"Model={Model}", nameof(DetectFrame), () => DetectFrame(), nameof(TrackFrame), () => TrackFrame());
        Dispose();
    }

    /// <summary>Prints the exact bytes <see cref="TrackDetections"/> allocates per call, then releases the detector.</summary>
    [GlobalCleanup(Target = nameof(TrackDetections))]
    public void CheckTrackDetectionsAllocations()
    {
        AllocationCheck.Report(nameof(TrackDetections), $"Model={Model}", () => TrackDetections());
        Dispose();
    }

    /// <summary>Releases the detector after the baseline.</summary>
    [GlobalCleanup(Target = nameof(DetectFrame))]
    public void Cleanup() => Dispose();

    /// <summary>Releases the detector's working sets.</summary>
    public void Dispose()
    {
        _detector?.Dispose();
        GC.SuppressFinalize(this);
    }
}
