using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BlazeFace.Benchmarks.Race;
using BlazeFace.Network;
using BlazeFace.OnnxRuntime;

namespace BlazeFace.Benchmarks;

/// <summary>
/// The race, side by side in one run: the managed network (default kernels) against ONNX Runtime's CPU provider on
/// the exported graph of the same model (one thread, all graph optimisations, pre-bound outputs), for each bundled
/// model; then end-to-end Detect on the 640x480 frame with <see cref="FaceDetector"/> and
/// <see cref="OnnxRuntimeFaceDetector"/> (same options, same session settings). Within each category the managed
/// engine is the baseline, so the Ratio column is ONNX Runtime's time over the managed time.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class EngineRaceBenchmarks : IDisposable
{
    private readonly FaceDetection[] _faces = new FaceDetection[16];
    private BlazeFaceNetworkSession? _managed;
    private BoundOnnxNetwork? _onnx;
    private FaceDetector? _managedDetector;
    private OnnxRuntimeFaceDetector? _onnxDetector;
    private byte[] _pixels = [];

    /// <summary>The bundled model both engines run.</summary>
    [Params(BlazeFaceModelKind.ShortRange, BlazeFaceModelKind.FullRange, BlazeFaceModelKind.BackCamera)]
    public BlazeFaceModelKind Model { get; set; }

    /// <summary>Builds both engines for the model, gives both the frame's tensor, and checks they agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        BlazeFaceModel model = BlazeFaceModel.Bundled(Model);
        _pixels = BenchmarkFrame.Pixels;
        _managed = model.CreateSession();
        _managed.SetInput(BenchmarkFrame.View(_pixels));
        _onnx = new BoundOnnxNetwork(model);
        _managed.Input.CopyTo(_onnx.Input);

        var options = new FaceDetectorOptions { Model = model };
        _managedDetector = new FaceDetector(options);
        using (var session = OnnxRuntimeSessions.OneThread())
        {
            _onnxDetector = new OnnxRuntimeFaceDetector(options, session);
        }

        _managed.Run();
        _onnx.Run();
        float worst = 0;
        for (int i = 0; i < _onnx.Classificators.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(_onnx.Classificators[i] - _managed.ScoreLogits[i]));
        }

        int managedFaces = _managedDetector.Detect(BenchmarkFrame.View(_pixels), _faces);
        int onnxFaces = _onnxDetector.Detect(BenchmarkFrame.View(_pixels), _faces);
        Console.WriteLine($"// {Model}: score logits differ by at most {worst:E2}; faces {managedFaces} (managed) and {onnxFaces} (ONNX Runtime)");
        if (managedFaces == 0 || managedFaces != onnxFaces)
        {
            throw new InvalidOperationException("Both engines should find the frame's face.");
        }
    }

    /// <summary>The managed network alone (<see cref="BlazeFaceNetworkSession.Run"/>, default kernels).</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Network")]
    public float ManagedNetwork()
    {
        _managed!.Run();
        return _managed.ScoreLogits[0];
    }

    /// <summary>The exported graph on ONNX Runtime alone, input and outputs pre-bound.</summary>
    [Benchmark]
    [BenchmarkCategory("Network")]
    public float OnnxRuntimeNetwork()
    {
        _onnx!.Run();
        return _onnx.Classificators[0];
    }

    /// <summary><see cref="FaceDetector.Detect(Imaging.ImageView, Span{FaceDetection})"/> on the 640x480 frame.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Detect")]
    public int ManagedDetect() => _managedDetector!.Detect(BenchmarkFrame.View(_pixels), _faces);

    /// <summary><see cref="OnnxRuntimeFaceDetector.Detect(Imaging.ImageView, Span{FaceDetection})"/> on the 640x480 frame.</summary>
    [Benchmark]
    [BenchmarkCategory("Detect")]
    public int OnnxRuntimeDetect() => _onnxDetector!.Detect(BenchmarkFrame.View(_pixels), _faces);

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
        _managed = null;
        _onnx = null;
        _managedDetector = null;
        _onnxDetector = null;
        GC.SuppressFinalize(this);
    }
}
