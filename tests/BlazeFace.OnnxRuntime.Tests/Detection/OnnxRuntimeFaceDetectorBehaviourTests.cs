using BlazeFace.Imaging;
using BlazeFace.Tests.Support;
using Microsoft.ML.OnnxRuntime;

namespace BlazeFace.OnnxRuntime.Tests.Detection;

/// <summary>The ONNX Runtime detector behaves as <see cref="FaceDetector"/> does: allocation, threads, errors, disposal.</summary>
public class OnnxRuntimeFaceDetectorBehaviourTests
{
    [Test]
    public void A_warm_detect_into_a_span_allocates_no_managed_memory()
    {
        RgbImage image = TestImages.Load("astronaut.png");
        using var detector = new OnnxRuntimeFaceDetector();
        var faces = new FaceDetection[8];

        // Past the JIT's tiering (its first calls allocate once, in code that runs only then).
        long allocated = AllocationProbe.FewestBytesPerCall(() => detector.Detect(image.AsView(), faces), warmUpCalls: 50);

        Assert.That(allocated, Is.Zero);
    }

    [Test]
    public void Concurrent_callers_get_the_sequential_results()
    {
        string[] photos = ["astronaut.png", "group_mosaic.png", "grace_hopper.png", "no_face_coffee.png"];
        RgbImage[] images = [.. photos.Select(TestImages.Load)];
        using var detector = new OnnxRuntimeFaceDetector();
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
    public void DetectBatch_returns_what_Detect_returns_for_each_image()
    {
        RgbImage[] images = [TestImages.Load("astronaut.png"), TestImages.Load("group_mosaic.png")];
        using var detector = new OnnxRuntimeFaceDetector();

        IReadOnlyList<FaceDetection>[] batch = detector.DetectBatch([.. images.Select(image => image.AsBuffer())], maxDegreeOfParallelism: 2);

        Assert.That(batch[0], Is.EqualTo(detector.Detect(images[0].AsView())));
        Assert.That(batch[1], Is.EqualTo(detector.Detect(images[1].AsView())));
    }

    [Test]
    public void Session_options_are_honoured_and_may_be_disposed_after_construction()
    {
        RgbImage image = TestImages.Load("astronaut.png");
        using var managed = new FaceDetector();
        OnnxRuntimeFaceDetector detector;
        using (var session = new SessionOptions { IntraOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL })
        {
            detector = new OnnxRuntimeFaceDetector(sessionOptions: session);
        }

        using (detector)
        {
            Assert.That(detector.Detect(image.AsView()), Has.Count.EqualTo(managed.Detect(image.AsView()).Count).And.Count.EqualTo(1));
        }
    }

    [Test]
    public void An_option_out_of_range_is_reported_with_the_options_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new OnnxRuntimeFaceDetector(new FaceDetectorOptions { MinScore = 1.5f }));

        Assert.That(error!.ParamName, Is.EqualTo("MinScore"));
    }

    [Test]
    public void A_tensor_of_the_wrong_length_throws_ArgumentException()
    {
        using var detector = new OnnxRuntimeFaceDetector();

        var error = Assert.Throws<ArgumentException>(() => detector.Detect(new float[10]));
        Assert.That(error!.ParamName, Is.EqualTo("inputTensor"));
    }

    [Test]
    public void Options_default_to_the_models_settings()
    {
        using var detector = new OnnxRuntimeFaceDetector(new FaceDetectorOptions { Model = BlazeFaceModel.BackCamera });

        Assert.That(detector.Model, Is.SameAs(BlazeFaceModel.BackCamera));
        Assert.That(detector.MinScore, Is.EqualTo(BlazeFaceModel.BackCamera.DefaultMinScore));
    }

    [Test]
    public void A_disposed_detector_throws_ObjectDisposedException()
    {
        var detector = new OnnxRuntimeFaceDetector();
        detector.Dispose();
        detector.Dispose();

        Assert.Throws<ObjectDisposedException>(() => detector.Detect(new ImageView(new byte[3], 1, 1, ImagePixelFormat.Rgb24)));
        Assert.Throws<ObjectDisposedException>(() => detector.DetectBatch([]));
    }

    [Test]
    public void Disposing_while_other_threads_detect_lets_their_calls_finish_or_refuses_them_cleanly()
    {
        RgbImage image = TestImages.Load("astronaut.png");
        var detector = new OnnxRuntimeFaceDetector();
        using var started = new Barrier(3);
        int completed = 0, refused = 0;

        Task[] callers = [.. Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            started.SignalAndWait();
            for (int i = 0; i < 100; i++)
            {
                try
                {
                    Assert.That(detector.Detect(image.AsView()), Has.Count.EqualTo(1));
                    Interlocked.Increment(ref completed);
                }
                catch (ObjectDisposedException)
                {
                    Interlocked.Increment(ref refused);
                    return;
                }
            }
        }))];
        started.SignalAndWait();
        Thread.Sleep(20);
        detector.Dispose();

        Assert.That(() => Task.WaitAll(callers), Throws.Nothing);
        TestContext.Out.WriteLine($"{completed} calls completed, {refused} refused after disposal");
        Assert.That(completed + refused, Is.GreaterThan(0));
    }
}
