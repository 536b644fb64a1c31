using BlazeFace.PostProcessing;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Engines;

/// <summary>
/// A detector runs its network through whatever <see cref="NetworkEngine"/> its options name, as a user's own engine
/// would plug in: pre- and post-processing stay the detector's.
/// </summary>
public class EngineSeamTests
{
    [Test]
    public void A_detector_decodes_what_a_plugged_in_engine_outputs()
    {
        // The engine reports one confident face at the anchor of the short-range model's 16x16 cell (8, 8), centred
        // on it, a tenth of the input wide: decoding, suppression and projection then place it in the image's pixels.
        const int AnchorIndex = ((8 * 16) + 8) * 2;
        BlazeFaceModel model = BlazeFaceModel.ShortRange;
        var engine = new FakeEngine(run: session =>
        {
            session.Output(1).Fill(-20f);
            session.Output(1)[AnchorIndex] = 5f;
            Span<float> regressors = session.Output(0).Slice(AnchorIndex * 16, 16);
            regressors.Clear();
            (regressors[2], regressors[3]) = (12.8f, 12.8f);
        });
        using var detector = new FaceDetector(new FaceDetectorOptions { Model = model, Engine = engine });

        IReadOnlyList<FaceDetection> faces = detector.Detect(new RgbImage(256, 256).AsView());

        Anchor anchor = model.Anchors[AnchorIndex];
        Assert.That(faces, Has.Count.EqualTo(1));
        Assert.That(faces[0].Score, Is.EqualTo(1f / (1f + MathF.Exp(-5f))).Within(1e-6f));
        Assert.That(faces[0].BoundingBox.Width, Is.EqualTo(25.6f).Within(1e-3f), "a tenth of the input, at 2 image pixels per input pixel");
        Assert.That(faces[0].BoundingBox.X + (faces[0].BoundingBox.Width / 2), Is.EqualTo(anchor.CenterX * 256).Within(1e-3f));
        Assert.That(detector.Engine, Is.SameAs(engine));
    }

    [Test]
    public void Each_concurrent_working_set_gets_a_session_of_its_own()
    {
        var engine = new FakeEngine();
        using var detector = new FaceDetector(new FaceDetectorOptions { Engine = engine });
        using var barrier = new Barrier(2);
        var image = new RgbImage(64, 64);

        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, _ =>
        {
            barrier.SignalAndWait();
            detector.Detect(image.AsView());
        });

        Assert.That(engine.Sessions, Is.InRange(1, 2));
    }

    [Test]
    public void An_engine_whose_session_does_not_fit_the_model_is_refused_naming_it()
    {
        var engine = new MisfitEngine();

        var error = Assert.Throws<InvalidOperationException>(() => new FaceDetector(new FaceDetectorOptions { Engine = engine }));

        Assert.That(error!.Message, Does.Contain(nameof(MisfitEngine)).And.Contain("short-range"));
        Assert.That(engine.Disposed, Is.True, "the refused session was released");
    }

    [Test]
    public void The_managed_engine_is_the_default_and_reports_its_vector_width()
    {
        using var detector = new FaceDetector();

        Assert.That(detector.Engine, Is.SameAs(NetworkEngine.Managed));
        Assert.That(NetworkEngine.Managed.Description, Does.Match("^managed kernels: (scalar|(128|256|512)-bit vectors, )"));
    }

    [Test]
    public void A_session_of_the_managed_engine_runs_the_bare_network()
    {
        using NetworkSession session = NetworkEngine.Managed.CreateSession(BlazeFaceModel.FullRange);

        session.Input.Fill(0.25f);
        session.Run();

        Assert.That(session.Input.Length, Is.EqualTo(192 * 192 * 3));
        Assert.That(session.GetOutput(0).Length, Is.EqualTo(2304 * 16));
        Assert.That(session.GetOutput(1).ToArray(), Is.All.Matches<float>(float.IsFinite));
        Assert.That(() => session.GetOutput(2), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    /// <summary>An engine whose sessions have an input of the wrong length.</summary>
    private sealed class MisfitEngine : NetworkEngine
    {
        public bool Disposed { get; private set; }

        public override string Description => "misfit";

        public override NetworkSession CreateSession(BlazeFaceModel model) => new MisfitSession(model, this);

        private sealed class MisfitSession(BlazeFaceModel model, MisfitEngine engine) : NetworkSession(model)
        {
            private readonly float[] _buffer = new float[10];

            public override Span<float> Input => _buffer;

            public override ReadOnlySpan<float> GetOutput(int index) => _buffer;

            public override void Run()
            {
            }

            protected override void Dispose(bool disposing)
            {
                engine.Disposed = true;
                base.Dispose(disposing);
            }
        }
    }
}
