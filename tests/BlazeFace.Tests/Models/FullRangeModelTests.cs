using BlazeFace.Models.Tflite;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Models;

/// <summary>
/// Reads the shipped full-range model. Expected numbers come from an independent dump of the file (a separate
/// Python FlatBuffers walk), not from this reader.
/// </summary>
public class FullRangeModelTests
{
    private TfliteModel _model = null!;

    [OneTimeSetUp]
    public void LoadModel() =>
        _model = TfliteModel.Parse(File.ReadAllBytes(RepositoryPaths.Asset("models/face_detection_full_range.tflite")));

    [Test]
    public void Reads_the_192x192_input_and_the_2304_anchor_outputs()
    {
        Assert.That(_model.Description, Is.EqualTo("keras2tflite_facedetector-back-192x192.tflite.generated"));
        TfliteTensor input = _model.Tensors[_model.Inputs.Single()];
        Assert.That((input.Name, input.Shape), Is.EqualTo(("input", new[] { 1, 192, 192, 3 })));

        TfliteTensor[] outputs = [.. _model.Outputs.Select(i => _model.Tensors[i])];
        Assert.That(outputs.Select(t => t.Name), Is.EqualTo(new[] { "reshaped_regressor_face_4", "reshaped_classifier_face_4" }));
        Assert.That(outputs[0].Shape, Is.EqualTo(new[] { 1, 2304, 16 }));
        Assert.That(outputs[1].Shape, Is.EqualTo(new[] { 1, 2304, 1 }));
    }

    [Test]
    public void Counts_operators_per_kind()
    {
        Assert.That(_model.Tensors, Has.Count.EqualTo(544));
        var counts = _model.Operators.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(counts, Is.EquivalentTo(new Dictionary<BuiltinOperator, int>
        {
            [BuiltinOperator.Dequantize] = 178,
            [BuiltinOperator.Conv2D] = 49,
            [BuiltinOperator.Relu] = 47,
            [BuiltinOperator.DepthwiseConv2D] = 40,
            [BuiltinOperator.Add] = 23,
            [BuiltinOperator.Pad] = 8,
            [BuiltinOperator.MaxPool2D] = 4,
            [BuiltinOperator.ResizeBilinear] = 3,
            [BuiltinOperator.Reshape] = 2,
        }));
    }

    [Test]
    public void Counts_tensors_per_type()
    {
        var counts = _model.Tensors.GroupBy(t => t.Type).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(counts, Is.EquivalentTo(new Dictionary<TensorType, int>
        {
            [TensorType.Float32] = 355,
            [TensorType.Float16] = 178,
            [TensorType.Int32] = 11,
        }));
    }

    [Test]
    public void Resize_bilinear_uses_half_pixel_centers_without_align_corners()
    {
        var resizes = _model.Operators.Where(o => o.Kind == BuiltinOperator.ResizeBilinear).Select(o => o.ResizeBilinear).ToArray();
        Assert.That(resizes, Has.Length.EqualTo(3));
        Assert.That(resizes, Is.All.EqualTo(new ResizeBilinearOptions(AlignCorners: false, HalfPixelCenters: true)));
    }

    [Test]
    public void Resize_bilinear_takes_its_output_size_from_an_int32_pair()
    {
        var sizes = _model.Operators
            .Where(o => o.Kind == BuiltinOperator.ResizeBilinear)
            .Select(o => _model.ReadInt32(_model.Tensors[o.Inputs[1]]));
        Assert.That(sizes, Is.EqualTo(new[] { new[] { 12, 12 }, [24, 24], [48, 48] }));
    }

    [Test]
    public void Depthwise_convolutions_are_four_with_stride_2_and_thirty_six_with_stride_1()
    {
        var strides = _model.Operators.Where(o => o.Kind == BuiltinOperator.DepthwiseConv2D).Select(o => o.DepthwiseConv2D!.StrideWidth).ToArray();
        Assert.That(strides.Count(s => s == 2), Is.EqualTo(4));
        Assert.That(strides.Count(s => s == 1), Is.EqualTo(36));
    }

    [Test]
    public void Float16_stem_kernel_widens_to_the_values_python_reads_from_the_raw_halves()
    {
        TfliteTensor kernel = _model.GetTensor("conv2d/Kernel");
        Assert.That((kernel.Type, kernel.Shape), Is.EqualTo((TensorType.Float16, new[] { 32, 3, 3, 3 })));
        float[] values = _model.ReadFloat32(kernel);
        Assert.That(values[..4], Is.EqualTo(new[] { 0.19287109375f, -0.318359375f, 0.10870361328125f, 0.442626953125f }));
    }
}
