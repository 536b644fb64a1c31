using BlazeFace;
using BlazeFace.Engines;
using BlazeFace.Kernels;
using BlazeFace.Models;
using BlazeFace.Models.Tflite;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Network;

/// <summary>Models load from the bundled resources, a path or a stream, and anything else is refused clearly.</summary>
public class ModelLoadingTests
{
    [TestCase(BundledModel.ShortRange, 128, 896)]
    [TestCase(BundledModel.FullRange, 192, 2304)]
    [TestCase(BundledModel.BackCamera, 256, 896)]
    public void Bundled_models_have_their_input_size_and_anchors(BundledModel kind, int inputSize, int anchors)
    {
        BlazeFaceModel model = kind.Load();
        Assert.That(model.InputSize, Is.EqualTo(inputSize));
        Assert.That(model.AnchorCount, Is.EqualTo(anchors));
    }

    [TestCase(BundledModel.ShortRange, 0.5f)]
    [TestCase(BundledModel.FullRange, 0.6f)]
    [TestCase(BundledModel.BackCamera, 0.65f)]
    public void Each_bundled_model_carries_mediapipes_thresholds(BundledModel kind, float minScore)
    {
        BlazeFaceModel model = kind.Load();
        Assert.That(model.DefaultMinScore, Is.EqualTo(minScore));
        Assert.That(model.DefaultIouThreshold, Is.EqualTo(0.3f));
    }

    [Test]
    public void A_model_loads_from_a_file_path()
    {
        BlazeFaceModel model = BlazeFaceModel.FromFile(RepositoryPaths.Asset("models/face_detection_full_range.tflite"));
        Assert.That(model.Name, Is.EqualTo("full-range"));
    }

    [Test]
    public void A_model_loads_from_a_stream()
    {
        using FileStream stream = File.OpenRead(RepositoryPaths.Asset("models/face_detection_front.tflite"));
        Assert.That(BlazeFaceModel.FromStream(stream).Name, Is.EqualTo("short-range"));
    }

    [Test]
    public void The_back_camera_model_loads_from_a_file_path()
    {
        BlazeFaceModel model = BlazeFaceModel.FromFile(RepositoryPaths.Asset("models/face_detection_back.tflite"));
        Assert.That(model.Name, Is.EqualTo("back-camera"));
    }

    [Test]
    public void A_model_whose_input_size_no_model_has_is_refused_naming_the_shape()
    {
        TfliteModel model = ModelSurgery.WithTensor(ModelSurgery.ShortRange(), "input", t => ModelSurgery.Reshaped(t, [1, 160, 160, 3]));
        var error = Assert.Throws<InvalidDataException>(() => ModelCatalog.Recognize(model));
        Assert.That(error!.Message, Does.Contain("[1, 160, 160, 3]").And.Contain("[1, 128, 128, 3]"));
    }

    [Test]
    public void A_directory_is_refused_as_an_argument_error_not_access_denied()
    {
        var error = Assert.Throws<ArgumentException>(() => BlazeFaceModel.FromFile(RepositoryPaths.Asset("models")));
        Assert.That(error!.ParamName, Is.EqualTo("path"));
        Assert.That(error.Message, Does.Contain("directory"));
    }

    [Test]
    public void Bytes_are_copied_so_changing_the_callers_array_afterwards_changes_nothing()
    {
        byte[] file = File.ReadAllBytes(RepositoryPaths.Asset("models/face_detection_front.tflite"));
        BlazeFaceModel model = BlazeFaceModel.FromBytes(file);
        float[] tensor = new float[128 * 128 * 3];
        NetworkRun before = NetworkRun.Fused(model, KernelSet.Scalar, tensor);

        Array.Clear(file);

        Assert.That(NetworkRun.Fused(model, KernelSet.Scalar, tensor).Classificators, Is.EqualTo(before.Classificators));
        Assert.That(NetworkRun.Fused(model, KernelSet.Default, tensor).Classificators, Is.EqualTo(NetworkRun.Fused(BlazeFaceModel.ShortRange, KernelSet.Default, tensor).Classificators));
    }

    [Test]
    public void Loading_compiles_once_and_every_detector_of_the_model_shares_the_compiled_network()
    {
        BlazeFaceModel model = BlazeFaceModel.FromFile(RepositoryPaths.Asset("models/face_detection_front.tflite"));
        using var first = new FaceDetector(new FaceDetectorOptions { Model = model });
        using var second = new FaceDetector(new FaceDetectorOptions { Model = model, MinScore = 0.9f });

        using NetworkSession firstSession = first.Engine.CreateSession(first.Model);
        using NetworkSession secondSession = second.Engine.CreateSession(second.Model);

        Assert.That(((ManagedSession)firstSession).Network, Is.SameAs(((ManagedSession)secondSession).Network));
        Assert.That(((ManagedSession)firstSession).Network, Is.SameAs(model.Compile(KernelSet.Default).Network));
    }

    [Test]
    public void A_file_that_is_not_a_model_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => BlazeFaceModel.FromBytes(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }));
    }

    [Test]
    public void A_missing_file_raises_file_not_found()
    {
        Assert.Throws<FileNotFoundException>(() => BlazeFaceModel.FromFile(Path.Combine(Path.GetTempPath(), "no-such-model.tflite")));
    }
}
