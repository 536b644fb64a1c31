using BlazeFace.Models.Tflite;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Models;

/// <summary>
/// Reads the shipped short-range model. Expected numbers come from an independent dump of the file (a separate
/// Python FlatBuffers walk written for this purpose), not from this reader.
/// </summary>
public class ShortRangeModelTests
{
    private TfliteModel _model = null!;

    [OneTimeSetUp]
    public void LoadModel() =>
        _model = TfliteModel.Parse(File.ReadAllBytes(RepositoryPaths.Asset("models/face_detection_front.tflite")));

    [Test]
    public void Reads_schema_version_and_description()
    {
        Assert.That(_model.Version, Is.EqualTo(3));
        Assert.That(_model.Description, Is.EqualTo("keras2tflite_facedetector-front.tflite.generated"));
    }

    [Test]
    public void Reads_the_input_name_and_shape()
    {
        Assert.That(_model.Inputs, Is.EqualTo(new[] { 0 }));
        TfliteTensor input = _model.Tensors[_model.Inputs[0]];
        Assert.That(input.Name, Is.EqualTo("input"));
        Assert.That(input.Shape, Is.EqualTo(new[] { 1, 128, 128, 3 }));
        Assert.That(input.Type, Is.EqualTo(TensorType.Float32));
        Assert.That(input.HasData, Is.False);
    }

    [Test]
    public void Reads_the_outputs_regressors_first_then_classificators()
    {
        TfliteTensor[] outputs = [.. _model.Outputs.Select(i => _model.Tensors[i])];
        Assert.That(outputs.Select(t => t.Name), Is.EqualTo(new[] { "regressors", "classificators" }));
        Assert.That(outputs[0].Shape, Is.EqualTo(new[] { 1, 896, 16 }));
        Assert.That(outputs[1].Shape, Is.EqualTo(new[] { 1, 896, 1 }));
    }

    [Test]
    public void Has_250_tensors_and_164_operators()
    {
        Assert.That(_model.Tensors, Has.Count.EqualTo(250));
        Assert.That(_model.Operators, Has.Count.EqualTo(164));
        Assert.That(_model.Tensors.Select(t => t.Index), Is.EqualTo(Enumerable.Range(0, 250)));
    }

    [Test]
    public void Counts_operators_per_kind()
    {
        var counts = _model.Operators.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(counts, Is.EquivalentTo(new Dictionary<BuiltinOperator, int>
        {
            [BuiltinOperator.Dequantize] = 74,
            [BuiltinOperator.Conv2D] = 21,
            [BuiltinOperator.Relu] = 17,
            [BuiltinOperator.DepthwiseConv2D] = 16,
            [BuiltinOperator.Add] = 16,
            [BuiltinOperator.Pad] = 11,
            [BuiltinOperator.Reshape] = 4,
            [BuiltinOperator.MaxPool2D] = 3,
            [BuiltinOperator.Concatenation] = 2,
        }));
    }

    [Test]
    public void Has_one_dequantize_operator_per_float16_tensor()
    {
        var float16 = _model.Tensors.Where(t => t.Type == TensorType.Float16).Select(t => t.Index).ToHashSet();
        var dequantized = _model.Operators.Where(o => o.Kind == BuiltinOperator.Dequantize).Select(o => o.Inputs[0]).ToHashSet();
        Assert.That(float16, Has.Count.EqualTo(74));
        Assert.That(dequantized, Is.EquivalentTo(float16));
    }

    [Test]
    public void Counts_tensors_per_type()
    {
        var counts = _model.Tensors.GroupBy(t => t.Type).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(counts, Is.EquivalentTo(new Dictionary<TensorType, int>
        {
            [TensorType.Float32] = 165,
            [TensorType.Float16] = 74,
            [TensorType.Int32] = 11,
        }));
    }

    [Test]
    public void Stem_kernel_is_float16_and_feeds_the_first_convolution_through_a_dequantize()
    {
        TfliteTensor kernel = _model.GetTensor("conv2d/Kernel");
        Assert.That(kernel.Type, Is.EqualTo(TensorType.Float16));
        Assert.That(kernel.Shape, Is.EqualTo(new[] { 24, 5, 5, 3 }));
        Assert.That(kernel.Data.Length, Is.EqualTo(3600));

        TfliteOperator dequantize = _model.Operators.Single(o => o.Kind == BuiltinOperator.Dequantize && o.Inputs[0] == kernel.Index);
        TfliteTensor dequantized = _model.Tensors[dequantize.Outputs[0]];
        Assert.That(dequantized.Name, Is.EqualTo("conv2d/Kernel_dequantize"));
        Assert.That(dequantized.Type, Is.EqualTo(TensorType.Float32));
        Assert.That(_model.Operators.First(o => o.Kind == BuiltinOperator.Conv2D).Inputs, Is.EqualTo(new[] { 0, dequantized.Index, 193 }));
    }

    [Test]
    public void Stem_convolution_has_stride_2_same_padding_and_no_fused_activation()
    {
        TfliteOperator stem = _model.Operators.First(o => o.Kind == BuiltinOperator.Conv2D);
        Assert.That(stem.Index, Is.EqualTo(2));
        Assert.That(stem.Conv2D, Is.EqualTo(new Conv2DOptions(Padding.Same, 2, 2, ActivationFunction.None, 1, 1)));
    }

    [Test]
    public void Sixteen_convolutions_use_valid_padding_and_stride_1_and_four_heads_use_same_padding()
    {
        var options = _model.Operators.Where(o => o.Kind == BuiltinOperator.Conv2D).Select(o => o.Conv2D!).ToArray();
        Assert.That(options.Count(c => c == new Conv2DOptions(Padding.Valid, 1, 1, ActivationFunction.None, 1, 1)), Is.EqualTo(16));
        Assert.That(options.Count(c => c == new Conv2DOptions(Padding.Same, 1, 1, ActivationFunction.None, 1, 1)), Is.EqualTo(4));
    }

    [Test]
    public void First_stride_2_depthwise_convolution_has_same_padding_and_depth_multiplier_1()
    {
        TfliteOperator depthwise = _model.Operators.First(o => o.DepthwiseConv2D is { StrideWidth: 2 });
        Assert.That(depthwise.Index, Is.EqualTo(23));
        Assert.That(depthwise.DepthwiseConv2D, Is.EqualTo(new DepthwiseConv2DOptions(Padding.Same, 2, 2, 1, ActivationFunction.None, 1, 1)));
    }

    [Test]
    public void Depthwise_convolutions_are_three_with_stride_2_and_thirteen_with_stride_1()
    {
        var strides = _model.Operators.Where(o => o.Kind == BuiltinOperator.DepthwiseConv2D).Select(o => o.DepthwiseConv2D!.StrideHeight);
        Assert.That(strides.Count(s => s == 2), Is.EqualTo(3));
        Assert.That(strides.Count(s => s == 1), Is.EqualTo(13));
    }

    [Test]
    public void Max_pools_are_2x2_with_stride_2()
    {
        var pools = _model.Operators.Where(o => o.Kind == BuiltinOperator.MaxPool2D).Select(o => o.Pool2D).ToArray();
        Assert.That(pools, Has.Length.EqualTo(3));
        Assert.That(pools, Is.All.EqualTo(new Pool2DOptions(Padding.Same, 2, 2, 2, 2, ActivationFunction.None)));
    }

    [Test]
    public void Channel_padding_reads_its_paddings_from_an_int32_4x2_tensor()
    {
        TfliteOperator pad = _model.Operators.First(o => o.Kind == BuiltinOperator.Pad);
        Assert.That(_model.Tensors[pad.Outputs[0]].Name, Is.EqualTo("channel_padding"));
        TfliteTensor paddings = _model.Tensors[pad.Inputs[1]];
        Assert.That(paddings.Name, Is.EqualTo("channel_padding/Paddings"));
        Assert.That(paddings.Type, Is.EqualTo(TensorType.Int32));
        Assert.That(paddings.Shape, Is.EqualTo(new[] { 4, 2 }));
        Assert.That(_model.ReadInt32(paddings), Is.EqualTo(new[] { 0, 0, 0, 0, 0, 0, 0, 4 }));
    }

    [Test]
    public void Operators_without_options_report_none()
    {
        TfliteOperator pad = _model.Operators.First(o => o.Kind == BuiltinOperator.Pad);
        TfliteOperator relu = _model.Operators.First(o => o.Kind == BuiltinOperator.Relu);
        Assert.That(new object?[] { pad.Conv2D, pad.Pool2D, pad.Reshape, relu.Add, relu.Conv2D }, Is.All.Null);
    }

    [Test]
    public void Reshapes_flatten_to_anchor_rows_and_concatenations_join_on_axis_1()
    {
        var shapes = _model.Operators.Where(o => o.Kind == BuiltinOperator.Reshape).Select(o => o.Reshape!.NewShape.ToArray());
        Assert.That(shapes, Is.EqualTo(new[] { new[] { 1, -1, 1 }, [1, -1, 1], [1, -1, 16], [1, -1, 16] }));
        var concatenations = _model.Operators.Where(o => o.Kind == BuiltinOperator.Concatenation).Select(o => o.Concatenation);
        Assert.That(concatenations, Is.All.EqualTo(new ConcatenationOptions(1, ActivationFunction.None)));
    }

    [Test]
    public void Adds_have_no_fused_activation()
    {
        var adds = _model.Operators.Where(o => o.Kind == BuiltinOperator.Add).Select(o => o.Add);
        Assert.That(adds, Is.All.EqualTo(new AddOptions(ActivationFunction.None)));
    }

    [Test]
    public void Float16_kernel_widens_to_the_values_python_reads_from_the_raw_halves()
    {
        float[] values = _model.ReadFloat32(_model.GetTensor("conv2d/Kernel"));
        Assert.That(values, Has.Length.EqualTo(1800));
        Assert.That(values[..6], Is.EqualTo(new[] { 0.046112060546875f, 0.0335693359375f, 0.0006499290466308594f, 0.03070068359375f, 0.00974273681640625f, -0.0005822181701660156f }));
        Assert.That(values[^3..], Is.EqualTo(new[] { -0.1177978515625f, -0.1334228515625f, 0.004154205322265625f }));
        Assert.That(values, Is.All.Matches<float>(float.IsFinite));
    }

    [Test]
    public void Every_float_weight_reads_with_finite_values()
    {
        foreach (TfliteTensor tensor in _model.Tensors.Where(t => t.HasData && t.Type == TensorType.Float16))
        {
            float[] values = _model.ReadFloat32(tensor);
            Assert.That(values.LongLength, Is.EqualTo(tensor.ElementCount), tensor.Name);
            Assert.That(values.All(float.IsFinite), Is.True, tensor.Name);
        }
    }

    [Test]
    public void Tensors_computed_at_run_time_have_no_data_to_read()
    {
        TfliteTensor activation = _model.GetTensor("activation");
        var exception = Assert.Throws<InvalidDataException>(() => _model.ReadFloat32(activation))!;
        Assert.That(exception.Message, Does.Contain("'activation' has no stored data"));
    }

    [Test]
    public void Reading_paddings_as_float_names_the_type_mismatch()
    {
        var exception = Assert.Throws<InvalidDataException>(() => _model.ReadFloat32(_model.GetTensor("channel_padding/Paddings")))!;
        Assert.That(exception.Message, Does.Contain("has type Int32, not Float32 or Float16"));
    }

    [Test]
    public void Looking_up_an_unknown_name_finds_nothing_or_throws_naming_it()
    {
        Assert.That(_model.FindTensor("no-such-tensor"), Is.Null);
        var exception = Assert.Throws<InvalidDataException>(() => _model.GetTensor("no-such-tensor"))!;
        Assert.That(exception.Message, Does.Contain("no tensor named 'no-such-tensor'"));
    }
}
