using BlazeFace.Kernels;
using BlazeFace.Models;
using BlazeFace.Models.Tflite;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Network;

/// <summary>Models load from the bundled resources, a path or a stream, and anything else is refused clearly.</summary>
public class ModelLoadingTests
{
    [TestCase(BlazeFaceModelKind.ShortRange, 128, 896)]
    [TestCase(BlazeFaceModelKind.FullRange, 192, 2304)]
    [TestCase(BlazeFaceModelKind.BackCamera, 256, 896)]
    public void Bundled_models_are_recognised_by_their_input_size(BlazeFaceModelKind kind, int inputSize, int anchors)
    {
        BlazeFaceModel model = BlazeFaceModel.Bundled(kind);
        Assert.That(model.Kind, Is.EqualTo(kind));
        Assert.That(model.InputSize, Is.EqualTo(inputSize));
        Assert.That(model.AnchorCount, Is.EqualTo(anchors));
    }

    [TestCase(BlazeFaceModelKind.ShortRange, 0.5f)]
    [TestCase(BlazeFaceModelKind.FullRange, 0.6f)]
    [TestCase(BlazeFaceModelKind.BackCamera, 0.65f)]
    public void Each_bundled_model_carries_mediapipes_thresholds(BlazeFaceModelKind kind, float minScore)
    {
        BlazeFaceModel model = BlazeFaceModel.Bundled(kind);
        Assert.That(model.DefaultMinScore, Is.EqualTo(minScore));
        Assert.That(model.DefaultIouThreshold, Is.EqualTo(0.3f));
    }

    [Test]
    public void An_undefined_model_kind_is_refused_naming_the_argument()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BlazeFaceModel.Bundled((BlazeFaceModelKind)42));
        Assert.That(error!.ParamName, Is.EqualTo("kind"));
    }

    [Test]
    public void A_model_loads_from_a_file_path()
    {
        BlazeFaceModel model = BlazeFaceModel.FromFile(RepositoryPaths.Asset("models/face_detection_full_range.tflite"));
        Assert.That(model.Kind, Is.EqualTo(BlazeFaceModelKind.FullRange));
    }

    [Test]
    public void A_model_loads_from_a_stream()
    {
        using FileStream stream = File.OpenRead(RepositoryPaths.Asset("models/face_detection_front.tflite"));
        Assert.That(BlazeFaceModel.FromStream(stream).Kind, Is.EqualTo(BlazeFaceModelKind.ShortRange));
    }

    [Test]
    public void The_back_camera_model_loads_from_a_file_path()
    {
        BlazeFaceModel model = BlazeFaceModel.FromFile(RepositoryPaths.Asset("models/face_detection_back.tflite"));
        Assert.That(model.Kind, Is.EqualTo(BlazeFaceModelKind.BackCamera));
    }

    [Test]
    public void A_model_whose_input_size_no_spec_has_is_refused_listing_the_known_shapes()
    {
        TfliteModel model = ModelSurgery.WithTensor(ModelSurgery.ShortRange(), "input", t => ModelSurgery.Reshaped(t, [1, 160, 160, 3]));
        var error = Assert.Throws<InvalidDataException>(() => ModelSpec.Recognize(model));
        Assert.That(error!.Message, Does.Contain("[1, 160, 160, 3]").And.Contain("[1, 128, 128, 3]").And.Contain("[1, 192, 192, 3]").And.Contain("[1, 256, 256, 3]"));
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

        Assert.That(first.Compiled, Is.SameAs(second.Compiled));
        Assert.That(first.Compiled, Is.SameAs(model.Compile(KernelSet.Default)));
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
