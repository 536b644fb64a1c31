using BlazeFace.Models.Tflite;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Models;

/// <summary>
/// Reads the 2019 short-range model, which stores float32 weights directly (no DEQUANTIZE operators). The file
/// lives in the shared folder beside the repository and is not shipped with it.
/// </summary>
public class Float32ModelTests
{
    private const string FileName = "models/face_detection_front_2019_float32.tflite";

    private TfliteModel _model = null!;

    [OneTimeSetUp]
    public void LoadModel()
    {
        string path = RepositoryPaths.Shared(FileName);
        if (!File.Exists(path))
        {
            Assert.Ignore($"{path} is absent: these tests need the shared 2019 float32 model beside the repository");
        }

        _model = TfliteModel.Parse(File.ReadAllBytes(path));
    }

    [Test]
    public void Stem_kernel_is_stored_as_float32_and_read_directly()
    {
        TfliteTensor kernel = _model.GetTensor("conv2d/Kernel");
        Assert.That((kernel.Type, kernel.Shape, kernel.Data.Length), Is.EqualTo((TensorType.Float32, new[] { 24, 5, 5, 3 }, 7200)));
        float[] values = _model.ReadFloat32(kernel);
        Assert.That(values[..4], Is.EqualTo(new[] { 0.03679764270782471f, -0.05757949501276016f, -0.06763061881065369f, -0.05034342780709267f }));
    }

    [Test]
    public void Has_the_short_range_architecture_without_dequantize_operators()
    {
        Assert.That(_model.Tensors, Has.Count.EqualTo(176));
        var counts = _model.Operators.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(counts, Is.EquivalentTo(new Dictionary<BuiltinOperator, int>
        {
            [BuiltinOperator.Conv2D] = 21,
            [BuiltinOperator.Relu] = 17,
            [BuiltinOperator.DepthwiseConv2D] = 16,
            [BuiltinOperator.Add] = 16,
            [BuiltinOperator.Pad] = 11,
            [BuiltinOperator.Reshape] = 4,
            [BuiltinOperator.MaxPool2D] = 3,
            [BuiltinOperator.Concatenation] = 2,
        }));
        Assert.That(_model.Operators[0].Inputs, Is.EqualTo(new[] { 0, 1, 2 }));
    }

    [Test]
    public void Keeps_the_same_input_and_output_names()
    {
        Assert.That(_model.Inputs.Select(i => _model.Tensors[i].Name), Is.EqualTo(new[] { "input" }));
        Assert.That(_model.Outputs.Select(i => _model.Tensors[i].Name), Is.EqualTo(new[] { "regressors", "classificators" }));
    }
}
