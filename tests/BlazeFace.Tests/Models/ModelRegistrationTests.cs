using BlazeFace.Kernels.Convolution;
using BlazeFace.Models;
using BlazeFace.Models.Tflite;
using BlazeFace.Network;
using BlazeFace.Network.Layers;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Models;

/// <summary>
/// Adding a model is its spec, its architecture and one registration line; a file is then recognised by its graph and
/// runs like the bundled ones. Here the model is the tiny one-convolution network the reader tests build.
/// </summary>
public class ModelRegistrationTests
{
    private static readonly ModelSpec TinySpec = new()
    {
        Name = "tiny",
        OutputNames = ["output"],
        Description = "One 3x3 convolution.",
    };

    [Test]
    public void A_registered_model_is_recognised_by_its_graph_and_runs()
    {
        byte[] file = TinyFile();
        Assert.Throws<InvalidDataException>(() => BlazeFaceModel.FromBytes(file), "unknown before registration");

        using (ModelCatalog.Register(new ModelEntry(TinySpec, TinyArchitecture)))
        {
            BlazeFaceModel model = BlazeFaceModel.FromBytes(file);
            using NetworkSession session = model.CreateSession();
            session.Input.Fill(1f);
            session.Run();

            Assert.That(model.Name, Is.EqualTo("tiny"));
            Assert.That(session.GetOutput(0).ToArray(), Is.EqualTo(Enumerable.Repeat(45.5f, 4)), "1+2+...+9 plus the bias 0.5, at every output pixel");
            Assert.That(() => new FaceDetector(new FaceDetectorOptions { Model = model }), Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("Model"));
        }

        Assert.Throws<InvalidDataException>(() => BlazeFaceModel.FromBytes(file), "unknown again after the registration is disposed");
    }

    [Test]
    public void A_model_of_a_registered_name_cannot_be_registered_twice()
    {
        using IDisposable registration = ModelCatalog.Register(new ModelEntry(TinySpec, TinyArchitecture));

        Assert.Throws<ArgumentException>(() => ModelCatalog.Register(new ModelEntry(TinySpec, TinyArchitecture)));
    }

    [Test]
    public void A_file_of_no_known_graph_is_refused_naming_the_closest_model_and_its_first_difference()
    {
        // The short-range graph with one convolution's stride changed: every model is compared, short range gets
        // furthest, and the message says where it stops.
        TfliteModel model = ModelSurgery.WithOperator(ModelSurgery.ShortRange(), "conv2d_1", op => ModelSurgery.WithOptions(op, op.Conv2D! with { StrideHeight = 2, StrideWidth = 2 }));

        var error = Assert.Throws<InvalidDataException>(() => ModelCatalog.Recognize(model));

        Assert.That(error!.Message, Does.Contain("Closest is the short-range model").And.Contain("'conv2d_1'").And.Contain("stride 1"));
    }

    /// <summary>The tiny model's architecture: one 3x3 'valid' convolution of a 4x4x1 input.</summary>
    private static CompiledNetwork TinyArchitecture(NetworkBuilder b)
    {
        Layer input = b.Input("input", height: 4, width: 4, channels: 1);
        Conv2D conv = b.Add(new Conv2D("conv", input, filters: 1, kernelSize: 3, stride: 1, PaddingMode.Valid, b.Kernels));
        return b.Build(conv);
    }

    /// <summary>The reader tests' tiny model, its output tensor named after the layer that produces it.</summary>
    private static byte[] TinyFile()
    {
        var tiny = new TinyTfliteModel();
        tiny.Tensors[TinyTfliteModel.OutputTensor] = TinyTfliteModel.Tensor("conv", [1, 2, 2, 1], TensorType.Float32, 0);
        return tiny.ToBytes();
    }
}
