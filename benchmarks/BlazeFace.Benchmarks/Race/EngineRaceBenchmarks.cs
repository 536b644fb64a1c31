using BenchmarkDotNet.Attributes;
using Microsoft.ML.OnnxRuntime;
using BenchmarkDotNet.Configs;
using BlazeFace.Benchmarks.Race;
using BlazeFace.Network;
using BlazeFace.OnnxRuntime;
using BlazeFace.Tests.Support;

namespace BlazeFace.Benchmarks;

/// <summary>
/// The race, side by side in one run: the managed network (default kernels) against ONNX Runtime's CPU provider on
/// the exported graph of the same model (one thread, all graph optimisations, pre-bound outputs), for each bundled
/// model; then end-to-end Detect on the 640x480 frame with <see cref="FaceDetector"/> and
/// a detector on <see cref="OnnxRuntimeEngine"/> (same options, one ONNX Runtime thread). Within each category the managed
/// engine is the baseline, so the Ratio column is ONNX Runtime's time over the managed time.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class EngineRaceBenchmarks : IDisposable
{
    private readonly FaceDetection[] _faces = new FaceDetection[16];
    private NetworkSession? _managed;
    private OnnxRuntimeEngine? _engine;
    private SessionOptions? _sessionOptions;
    private NetworkSession? _onnx;
    private FaceDetector? _managedDetector;
    private FaceDetector? _onnxDetector;
    private byte[] _pixels = [];

    /// <summary>The bundled model both engines run.</summary>
    [Params(BundledModel.ShortRange, BundledModel.FullRange, BundledModel.FullRangeSparse, BundledModel.BackCamera)]
    public BundledModel Model { get; set; }

    /// <summary>Builds both engines for the model, gives both the frame's tensor, and checks they agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        BlazeFaceModel model = Model.Load();
        _pixels = BenchmarkFrame.Pixels;
        _managed = model.CreateSession();
        SessionInput.Fill(_managed, BenchmarkFrame.View(_pixels));
        _sessionOptions = OnnxRuntimeSessions.OneThread();
        _engine = new OnnxRuntimeEngine(_sessionOptions);
        _onnx = _engine.CreateSession(model);
        _managed.Input.CopyTo(_onnx.Input);

        _managedDetector = new FaceDetector(new FaceDetectorOptions { Model = model });
        _onnxDetector = new FaceDetector(new FaceDetectorOptions { Model = model, Engine = _engine });

        _managed.Run();
        _onnx.Run();
        float worst = 0;
        for (int i = 0; i < _onnx.GetOutput(1).Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(_onnx.GetOutput(1)[i] - _managed.GetOutput(1)[i]));
        }

        int managedFaces = _managedDetector.Detect(BenchmarkFrame.View(_pixels), _faces, out _);
        int onnxFaces = _onnxDetector.Detect(BenchmarkFrame.View(_pixels), _faces, out _);
        Console.WriteLine($"// {Model}: score logits differ by at most {worst:E2}; faces {managedFaces} (managed) and {onnxFaces} (ONNX Runtime)");
        if (managedFaces == 0 || managedFaces != onnxFaces)
        {
            throw new InvalidOperationException("Both engines should find the frame's face.");
        }
    }

    /// <summary>The managed network alone (<see cref="NetworkSession.Run"/>, default kernels).</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Network")]
    public float ManagedNetwork()
    {
        _managed!.Run();
        return _managed.GetOutput(1)[0];
    }

    /// <summary>The exported graph on ONNX Runtime alone, input and outputs pre-bound.</summary>
    [Benchmark]
    [BenchmarkCategory("Network")]
    public float OnnxRuntimeNetwork()
    {
        _onnx!.Run();
        return _onnx.GetOutput(1)[0];
    }

    /// <summary>The allocation-free Detect on the 640x480 frame, managed engine.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Detect")]
    public int ManagedDetect() => _managedDetector!.Detect(BenchmarkFrame.View(_pixels), _faces, out _);

    /// <summary>The allocation-free Detect on the 640x480 frame, ONNX Runtime engine.</summary>
    [Benchmark]
    [BenchmarkCategory("Detect")]
    public int OnnxRuntimeDetect() => _onnxDetector!.Detect(BenchmarkFrame.View(_pixels), _faces, out _);

    /// <summary>Prints the exact bytes one call of each case allocates on its thread, then releases everything.</summary>
    [GlobalCleanup]
    public void CheckAllocations()
    {
        AllocationCheck.Report(nameof(ManagedNetwork), $"Model={Model}", () => ManagedNetwork());
        AllocationCheck.Report(nameof(OnnxRuntimeNetwork), $"Model={Model}", () => OnnxRuntimeNetwork());
        AllocationCheck.Report(nameof(ManagedDetect), $"Model={Model}", () => ManagedDetect());
        AllocationCheck.Report(nameof(OnnxRuntimeDetect), $"Model={Model}", () => OnnxRuntimeDetect());
        Dispose();
    }

    /// <summary>Releases the sessions and detectors.</summary>
    public void Dispose()
    {
        _managed?.Dispose();
        _onnx?.Dispose();
        _managedDetector?.Dispose();
        _onnxDetector?.Dispose();
        _engine?.Dispose();
        _sessionOptions?.Dispose();
        _managed = null;
        _onnx = null;
        _managedDetector = null;
        _onnxDetector = null;
        _engine = null;
        _sessionOptions = null;
        GC.SuppressFinalize(this);
    }
}
