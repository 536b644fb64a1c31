using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BlazeFace.Imaging;
using BlazeFace.Tests.Support;

namespace BlazeFace.Benchmarks;

/// <summary>
/// What the face mesh costs on top of detection: on a photo with one face (the bundled astronaut, 512x512),
/// <see cref="FaceDetector.Detect(ImageView, Span{FaceDetection}, out int, ImageProcessingOptions)"/> against
/// <see cref="FaceLandmarker.Detect(ImageView, Span{FaceMesh}, out int, ImageProcessingOptions)"/> (detection and
/// mesh); and per frame of a 640x480 video with one face in tracking mode, <see cref="FaceTracker"/> (the detector on
/// every frame) against <see cref="FaceLandmarker.Track(ImageView, TimeSpan, Span{FaceMesh}, out int, ImageProcessingOptions)"/>
/// (the landmark network on every frame, the detector only when the face is lost; default smoothing). Frames per
/// second are 1000 / the time in milliseconds.
/// </summary>
/// <remarks>
/// The video frame is <see cref="BenchmarkFrame"/>, each call the next frame 33 ms after the previous one, with the
/// face already followed (the setup warms both up), so the steady state of a video is measured. The cleanup prints
/// each case's exact bytes per call (<see cref="AllocationCheck"/>) and times the two video cases alternately
/// (<see cref="InterleavedComparison"/>), which a shared machine's drifting load disturbs less.
/// </remarks>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class FaceMeshBenchmarks : IDisposable
{
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(33);

    private readonly FaceDetection[] _faces = new FaceDetection[4];
    private readonly TrackedFace[] _tracked = new TrackedFace[4];
    private readonly FaceMesh[] _meshes = new FaceMesh[1];
    private readonly FaceMesh[] _videoMeshes = new FaceMesh[1];
    private RgbImage _photo = null!;
    private byte[] _frame = [];
    private FaceDetector? _detector;
    private FaceLandmarker? _landmarker;
    private FaceLandmarker? _videoLandmarker;
    private FaceTracker? _tracker;
    private TimeSpan _trackerTime;
    private TimeSpan _meshTime;

    /// <summary>Creates the detector, the landmarkers and the tracker, and follows the video's face for a few frames.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _photo = FixturePhotos.Load("astronaut");
        _frame = BenchmarkFrame.Pixels;
        _detector = new FaceDetector();
        _landmarker = new FaceLandmarker();
        _videoLandmarker = new FaceLandmarker();
        _tracker = new FaceTracker(_detector);
        int tracked = 0, followed = 0;
        for (int i = 0; i < 5; i++)
        {
            tracked = TrackFrame();
            followed = TrackFrameWithMesh();
        }

        int meshes = DetectAndMeshPhoto();
        Console.WriteLine($"// photo: {DetectPhoto()} face(s), {meshes} mesh(es); video: {tracked} tracked face(s), {followed} followed mesh(es)");
        if (meshes != 1 || tracked != 1 || followed != 1)
        {
            throw new InvalidOperationException("The photo and the video frame should each give one face and one mesh.");
        }
    }

    /// <summary>Detection alone on the photo.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Photo")]
    public int DetectPhoto() => _detector!.Detect(_photo.AsView(), _faces, out _);

    /// <summary>Detection and the face's mesh on the photo.</summary>
    [Benchmark]
    [BenchmarkCategory("Photo")]
    public int DetectAndMeshPhoto() => _landmarker!.Detect(_photo.AsView(), _meshes, out _);

    /// <summary>One 640x480 frame through the face tracker: the detector every frame, no mesh.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Video")]
    public int TrackFrame()
    {
        _trackerTime += FrameInterval;
        return _tracker!.Track(BenchmarkFrame.View(_frame), _trackerTime, _tracked, out _);
    }

    /// <summary>One 640x480 frame through the landmarker's video mode: the mesh every frame, carried by its landmarks.</summary>
    [Benchmark]
    [BenchmarkCategory("Video")]
    public int TrackFrameWithMesh()
    {
        _meshTime += FrameInterval;
        return _videoLandmarker!.Track(BenchmarkFrame.View(_frame), _meshTime, _videoMeshes, out _);
    }

    /// <summary>Prints each case's exact bytes per call and the two video cases timed alternately, then releases everything.</summary>
    [GlobalCleanup]
    public void Report()
    {
        AllocationCheck.Report(nameof(DetectPhoto), "photo", () => DetectPhoto());
        AllocationCheck.Report(nameof(DetectAndMeshPhoto), "photo", () => DetectAndMeshPhoto());
        AllocationCheck.Report(nameof(TrackFrame), "640x480", () => TrackFrame());
        AllocationCheck.Report(nameof(TrackFrameWithMesh), "640x480", () => TrackFrameWithMesh());
        InterleavedComparison.Report("640x480 video", nameof(TrackFrame), () => TrackFrame(), nameof(TrackFrameWithMesh), () => TrackFrameWithMesh());
        Dispose();
    }

    /// <summary>Releases the detector and the landmarkers.</summary>
    public void Dispose()
    {
        _detector?.Dispose();
        _landmarker?.Dispose();
        _videoLandmarker?.Dispose();
        _detector = null;
        _landmarker = null;
        _videoLandmarker = null;
        GC.SuppressFinalize(this);
    }
}
