using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Network;

/// <summary>Models load from the bundled resources, a path or a stream, and anything else is refused clearly.</summary>
public class ModelLoadingTests
{
    [Test]
    public void Bundled_models_are_recognised_by_their_input_size()
    {
        Assert.That(BlazeFaceModel.ShortRange.Kind, Is.EqualTo(BlazeFaceModelKind.ShortRange));
        Assert.That(BlazeFaceModel.ShortRange.InputSize, Is.EqualTo(128));
        Assert.That(BlazeFaceModel.FullRange.Kind, Is.EqualTo(BlazeFaceModelKind.FullRange));
        Assert.That(BlazeFaceModel.FullRange.InputSize, Is.EqualTo(192));
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
    public void The_2019_float32_edition_loads_unchanged()
    {
        string path = RepositoryPaths.Shared("models/face_detection_front_2019_float32.tflite");
        if (!File.Exists(path))
        {
            Assert.Ignore($"{path} is not present on this machine.");
        }

        Assert.That(BlazeFaceModel.FromFile(path).Kind, Is.EqualTo(BlazeFaceModelKind.ShortRange));
    }

    [Test]
    public void The_256_pixel_back_camera_model_is_refused_naming_its_input_shape()
    {
        string path = RepositoryPaths.Shared("models/face_detection_back.tflite");
        if (!File.Exists(path))
        {
            Assert.Ignore($"{path} is not present on this machine.");
        }

        var error = Assert.Throws<InvalidDataException>(() => BlazeFaceModel.FromFile(path));
        Assert.That(error!.Message, Does.Contain("[1, 256, 256, 3]"));
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
