using BlazeFace.Network;
using BlazeFace.Imaging;
using BlazeFace.Tests.Hardening.ModelFuzzing;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Hardening;

/// <summary>
/// A damaged model file is either refused with <see cref="InvalidDataException"/> or it is a model that runs: loading
/// never throws anything else, never hangs, and never yields a network whose outputs are NaN or infinite.
/// </summary>
/// <remarks>
/// Each run tries fixed-seed variants of each bundled model (<see cref="QuickVariants"/> in the default run, the first
/// of the <see cref="Variants"/> CI tries): bit flips, byte overwrites,
/// truncations, values written into the offsets, vtables, vector lengths and indices of the FlatBuffer structure,
/// damaged weights and random buffers (see <see cref="ModelMutator"/>). A failure names its variant and the edits
/// that made it, so it can be rebuilt with <c>new ModelMutator(file, Seed).Make(n, buffer)</c>.
/// </remarks>
[Category("Fuzz")]
public class ModelReaderFuzzTests
{
    /// <summary>Variants per model in CI's full fuzz run.</summary>
    public const int Variants = 20_000;

    /// <summary>Variants per model in the default test run: the first of the same sequence.</summary>
    public const int QuickVariants = 4_000;

    private const int Seed = 20_250_611;

    /// <summary>No variant may take longer than this to load (or be refused) and run.</summary>
    private static readonly TimeSpan PerVariantLimit = TimeSpan.FromSeconds(1);

    private Dictionary<string, float[]> _inputs = null!;

    [OneTimeSetUp]
    public void PrepareInputsAndWarmUp()
    {
        // One real photo per input size, so the damaged networks see the activations the real ones do; the landmark
        // model sees a real face crop from its goldens.
        RgbImage photo = TestImages.Load("grace_hopper.png");
        _inputs = new Dictionary<string, float[]>
        {
            [BlazeFaceModel.ShortRange.Name] = InputTensor(BlazeFaceModel.ShortRange, photo),
            [BlazeFaceModel.FullRange.Name] = InputTensor(BlazeFaceModel.FullRange, photo),
            [BlazeFaceModel.FullRangeSparse.Name] = InputTensor(BlazeFaceModel.FullRangeSparse, photo),
            [BlazeFaceModel.FaceLandmarks.Name] = new LandmarkGoldenCase("grace_hopper").Input,
        };

        // Compile the loading, running and refusal paths first, so the first variants' timings measure the reader and
        // the network, not the JIT.
        foreach (BlazeFaceModel bundled in new[] { BlazeFaceModel.ShortRange, BlazeFaceModel.FullRange, BlazeFaceModel.FullRangeSparse, BlazeFaceModel.FaceLandmarks })
        {
            float[] input = _inputs[bundled.Name];
            using var session = BlazeFaceModel.FromBytes(File.ReadAllBytes(RepositoryPaths.Asset(Path.Combine("models", bundled.Source)))).CreateSession();
            input.CopyTo(session.Input);
            session.Run();
        }

        Assert.Throws<InvalidDataException>(() => BlazeFaceModel.FromBytes(new byte[64]));
    }

    private static IEnumerable<string> ModelFiles => ["face_detection_front.tflite", "face_detection_full_range.tflite", "face_detection_full_range_sparse.tflite", "face_landmark.tflite"];

    [TestCaseSource(nameof(ModelFiles))]
    public void Corrupted_models_are_refused_as_invalid_data_or_run_to_finite_outputs(string fileName) =>
        AssertEveryVariantIsRefusedOrRuns(fileName, QuickVariants);

    [TestCaseSource(nameof(ModelFiles))]
    [Explicit("20,000 variants of each model, a few minutes; CI runs it with --filter TestCategory=ModelFuzz")]
    [Category("ModelFuzz")]
    public void Twenty_thousand_corrupted_variants_of_each_model_are_refused_or_run_to_finite_outputs(string fileName) =>
        AssertEveryVariantIsRefusedOrRuns(fileName, Variants);

    private void AssertEveryVariantIsRefusedOrRuns(string fileName, int variants)
    {
        byte[] original = File.ReadAllBytes(RepositoryPaths.Asset(Path.Combine("models", fileName)));
        var runner = new ModelFuzzRunner(original, Seed, _inputs);

        FuzzReport report = runner.Run(variants);

        TestContext.Out.WriteLine(report.Summary(fileName));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Hang, Is.Null, "a variant hung");
            Assert.That(report.Tried, Is.EqualTo(variants));
            Assert.That(report.FailureCount, Is.Zero, $"first failures (seed {Seed}):\n{string.Join("\n", report.Failures)}");
            Assert.That(report.Slowest, Is.LessThan(PerVariantLimit), $"slowest: {report.SlowestVariant}");

            // Both outcomes must occur in numbers, or the mix of damage has stopped exercising one side.
            Assert.That(report.Rejected, Is.GreaterThan(variants / 2));
            Assert.That(report.LoadedAndRan, Is.GreaterThan(variants / 50));
        }
    }

    private static float[] InputTensor(BlazeFaceModel model, RgbImage photo)
    {
        using NetworkSession session = model.CreateSession();
        SessionInput.Fill(session, photo.AsView());
        return session.Input.ToArray();
    }
}
