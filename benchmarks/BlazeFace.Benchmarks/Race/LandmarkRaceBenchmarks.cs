using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BlazeFace.OnnxRuntime;
using BlazeFace.Tests.Support;
using Microsoft.ML.OnnxRuntime;

namespace BlazeFace.Benchmarks.Race;

/// <summary>
/// The face landmark network in the race: the managed network (default kernels) against ONNX Runtime's CPU provider on
/// its exported graph (one thread, all graph optimisations, pre-bound outputs), on a real face crop; then detection and
/// mesh of the astronaut photo with a <see cref="FaceLandmarker"/> on each engine. Within each category the managed
/// engine is the baseline, so the Ratio column is ONNX Runtime's time over the managed time. TFLite's WASM build is
/// timed by the reference runner, not here: see <see cref="InterleavedMeshRace"/>.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LandmarkRaceBenchmarks : IDisposable
{
    private readonly FaceMesh[] _meshes = new FaceMesh[1];
    private NetworkSession? _managed;
    private SessionOptions? _sessionOptions;
    private OnnxRuntimeEngine? _engine;
    private NetworkSession? _onnx;
    private FaceLandmarker? _managedLandmarker;
    private FaceLandmarker? _onnxLandmarker;
    private RgbImage _photo = null!;

    /// <summary>Builds both engines, gives both the crop of the astronaut's face, and checks they agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _photo = FixturePhotos.Load("astronaut");
        _managed = BlazeFaceModel.FaceLandmarks.CreateSession();
        _sessionOptions = OnnxRuntimeSessions.OneThread();
        _engine = new OnnxRuntimeEngine(_sessionOptions);
        _onnx = _engine.CreateSession(BlazeFaceModel.FaceLandmarks);
        _managedLandmarker = new FaceLandmarker();
        _onnxLandmarker = new FaceLandmarker(new FaceLandmarkerOptions { Engine = _engine });
        MeshCrop.Fill(_managed, _photo);
        _managed.Input.CopyTo(_onnx.Input);
        _managed.Run();
        _onnx.Run();
        float worst = 0;
        for (int i = 0; i < _onnx.GetOutput(0).Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(_onnx.GetOutput(0)[i] - _managed.GetOutput(0)[i]));
        }

        int managedMeshes = ManagedDetectAndMesh();
        int onnxMeshes = OnnxRuntimeDetectAndMesh();
        Console.WriteLine($"// face landmarks: outputs differ by at most {worst:E2} input pixels; meshes {managedMeshes} (managed) and {onnxMeshes} (ONNX Runtime)");
        if (managedMeshes != 1 || onnxMeshes != 1)
        {
            throw new InvalidOperationException("Both engines should map the photo's face.");
        }
    }

    /// <summary>The managed landmark network alone.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Network")]
    public float ManagedNetwork()
    {
        _managed!.Run();
        return _managed.GetOutput(1)[0];
    }

    /// <summary>The exported landmark graph on ONNX Runtime alone, input and outputs pre-bound.</summary>
    [Benchmark]
    [BenchmarkCategory("Network")]
    public float OnnxRuntimeNetwork()
    {
        _onnx!.Run();
        return _onnx.GetOutput(1)[0];
    }

    /// <summary>Detection and mesh of the photo, both networks managed.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("DetectAndMesh")]
    public int ManagedDetectAndMesh() => _managedLandmarker!.Detect(_photo.AsView(), _meshes, out _);

    /// <summary>Detection and mesh of the photo, both networks on ONNX Runtime.</summary>
    [Benchmark]
    [BenchmarkCategory("DetectAndMesh")]
    public int OnnxRuntimeDetectAndMesh() => _onnxLandmarker!.Detect(_photo.AsView(), _meshes, out _);

    /// <summary>Prints the exact bytes one call of each case allocates on its thread, then releases everything.</summary>
    [GlobalCleanup]
    public void CheckAllocations()
    {
        AllocationCheck.Report(nameof(ManagedNetwork), "face-landmarks", () => ManagedNetwork());
        AllocationCheck.Report(nameof(OnnxRuntimeNetwork), "face-landmarks", () => OnnxRuntimeNetwork());
        AllocationCheck.Report(nameof(ManagedDetectAndMesh), "astronaut", () => ManagedDetectAndMesh());
        AllocationCheck.Report(nameof(OnnxRuntimeDetectAndMesh), "astronaut", () => OnnxRuntimeDetectAndMesh());
        Dispose();
    }

    /// <summary>Releases the sessions, landmarkers and engine.</summary>
    public void Dispose()
    {
        _managed?.Dispose();
        _onnx?.Dispose();
        _managedLandmarker?.Dispose();
        _onnxLandmarker?.Dispose();
        _engine?.Dispose();
        _sessionOptions?.Dispose();
        _managed = null;
        _onnx = null;
        _managedLandmarker = null;
        _onnxLandmarker = null;
        _engine = null;
        _sessionOptions = null;
        GC.SuppressFinalize(this);
    }
}
