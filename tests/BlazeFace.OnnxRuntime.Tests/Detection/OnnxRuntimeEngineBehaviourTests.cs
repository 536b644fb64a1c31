using BlazeFace.Imaging;
using BlazeFace.Tests.Support;
using Microsoft.ML.OnnxRuntime;

namespace BlazeFace.OnnxRuntime.Tests.Detection;

/// <summary>A detector on the ONNX Runtime engine behaves as on the managed one: allocation, threads, disposal.</summary>
public sealed class OnnxRuntimeEngineBehaviourTests : IDisposable
{
    private readonly OnnxRuntimeEngine _engine = new();

    /// <summary>NUnit disposes a fixture after its last test.</summary>
    public void Dispose() => _engine.Dispose();

    [Test]
    public void A_warm_detect_into_a_span_allocates_no_managed_memory()
    {
        RgbImage image = TestImages.Load("astronaut.png");
        using var detector = new FaceDetector(new FaceDetectorOptions { Engine = _engine });
        var faces = new FaceDetection[8];

        // Past the JIT's tiering, whose first calls allocate once, in code that runs only then.
        long allocated = AllocationProbe.FewestBytesPerCall(() => detector.Detect(image.AsView(), faces, out _), warmUpCalls: 50);

        Assert.That(allocated, Is.Zero);
    }

    [Test]
    public void Concurrent_callers_get_the_sequential_results()
    {
        string[] photos = ["astronaut.png", "group_mosaic.png", "grace_hopper.png", "no_face_coffee.png"];
        RgbImage[] images = [.. photos.Select(TestImages.Load)];
        using var detector = new FaceDetector(new FaceDetectorOptions { Engine = _engine });
        FaceDetection[][] expected = [.. images.Select(image => detector.Detect(image.AsView()).ToArray())];

        FaceDetection[][][] actual = new FaceDetection[4][][];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, thread =>
            actual[thread] = [.. Enumerable.Range(0, 3 * images.Length).Select(i => detector.Detect(images[(i + thread) % images.Length].AsView()).ToArray())]);

        for (int thread = 0; thread < actual.Length; thread++)
        {
            for (int i = 0; i < actual[thread].Length; i++)
            {
                Assert.That(actual[thread][i], Is.EqualTo(expected[(i + thread) % images.Length]), $"thread {thread}, call {i}");
            }
        }
    }

    [Test]
    public void Session_options_are_honoured()
    {
        RgbImage image = TestImages.Load("astronaut.png");
        using var managed = new FaceDetector();
        using var options = new SessionOptions { IntraOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
        using var engine = new OnnxRuntimeEngine(options);
        using var detector = new FaceDetector(new FaceDetectorOptions { Engine = engine });

        Assert.That(detector.Detect(image.AsView()), Has.Count.EqualTo(managed.Detect(image.AsView()).Count).And.Count.EqualTo(1));
    }

    [Test]
    public void The_engine_describes_itself_as_onnx_runtime_with_its_version()
    {
        using var detector = new FaceDetector(new FaceDetectorOptions { Engine = _engine });

        Assert.That(detector.Engine, Is.SameAs(_engine));
        Assert.That(_engine.Description, Does.StartWith("ONNX Runtime 1."));
    }

    [Test]
    public void Detectors_of_one_model_share_one_inference_session_per_engine()
    {
        using var engine = new OnnxRuntimeEngine();
        using var first = new FaceDetector(new FaceDetectorOptions { Engine = engine });
        using var second = new FaceDetector(new FaceDetectorOptions { Engine = engine, MinScore = 0.9f });

        Assert.That(engine.LoadedModels, Is.EqualTo(1));
    }

    [Test]
    public void A_disposed_engine_makes_no_new_sessions()
    {
        var engine = new OnnxRuntimeEngine();
        engine.Dispose();
        engine.Dispose();

        Assert.Throws<ObjectDisposedException>(() => engine.CreateSession(BlazeFaceModel.ShortRange));
        Assert.Throws<ObjectDisposedException>(() => new FaceDetector(new FaceDetectorOptions { Engine = engine }));
    }

    [Test]
    public void Disposing_the_engine_under_a_detector_keeps_the_detectors_sessions_working_until_the_detector_is_disposed()
    {
        RgbImage image = TestImages.Load("astronaut.png");
        var engine = new OnnxRuntimeEngine();
        var detector = new FaceDetector(new FaceDetectorOptions { Engine = engine });
        Assert.That(detector.Detect(image.AsView()), Has.Count.EqualTo(1));

        engine.Dispose();

        // The detector's pooled session keeps its inference session; only a new session needs the engine.
        for (int i = 0; i < 20; i++)
        {
            Assert.That(detector.Detect(image.AsView()), Has.Count.EqualTo(1));
        }

        Assert.That(engine.LoadedModels, Is.EqualTo(1), "the inference session lives while the detector holds sessions");
        Assert.That(() => engine.CreateSession(BlazeFaceModel.ShortRange), Throws.TypeOf<ObjectDisposedException>());
        detector.Dispose();
        Assert.That(engine.LoadedModels, Is.Zero, "released with the detector's last session");
    }
}
