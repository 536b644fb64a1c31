using System.Buffers.Binary;
using BlazeFace.Models.Tflite;

namespace BlazeFace.Tests.Models;

/// <summary>
/// Feeds the reader small hand-built models, each wrong in one way, and checks it refuses them with a message
/// that says what and where; and checks the schema rules it must honour on valid input.
/// </summary>
public class TfliteModelValidationTests
{
    private static InvalidDataException Rejects(TinyTfliteModel model) =>
        Assert.Throws<InvalidDataException>(() => model.Parse())!;

    [Test]
    public void Tiny_model_parses_with_its_convolution_options_and_weights()
    {
        TfliteModel model = new TinyTfliteModel().Parse();
        Assert.That(model.Description, Is.EqualTo("tiny test model"));
        Assert.That(model.Operators.Single().Conv2D, Is.EqualTo(new Conv2DOptions(Padding.Valid, 1, 1, ActivationFunction.None, 1, 1)));
        Assert.That(model.ReadFloat32(model.GetTensor("conv/Kernel")), Is.EqualTo(TinyTfliteModel.KernelValues));
    }

    [Test]
    public void Empty_file_is_rejected()
    {
        var exception = Assert.Throws<InvalidDataException>(() => TfliteModel.Parse(ReadOnlyMemory<byte>.Empty))!;
        Assert.That(exception.Message, Does.Contain("only 0 bytes long"));
    }

    [Test]
    public void Seven_byte_file_is_rejected()
    {
        var exception = Assert.Throws<InvalidDataException>(() => TfliteModel.Parse(new byte[] { 8, 0, 0, 0, 84, 70, 76 }))!;
        Assert.That(exception.Message, Does.Contain("only 7 bytes long"));
    }

    [Test]
    public void Wrong_file_identifier_is_rejected()
    {
        byte[] file = new TinyTfliteModel().ToBytes(fileIdentifier: "TFL2");
        var exception = Assert.Throws<InvalidDataException>(() => TfliteModel.Parse(file))!;
        Assert.That(exception.Message, Is.EqualTo("file identifier (bytes 4 to 7) is 'TFL2' (54464C32), not 'TFL3': not a TFLite model"));
    }

    [Test]
    public void Model_without_subgraphs_is_rejected()
    {
        var exception = Rejects(new TinyTfliteModel { SubgraphCount = 0 });
        Assert.That(exception.Message, Does.Contain("model has 0 subgraphs"));
    }

    [Test]
    public void Model_with_two_subgraphs_is_rejected()
    {
        var exception = Rejects(new TinyTfliteModel { SubgraphCount = 2 });
        Assert.That(exception.Message, Does.Contain("model has 2 subgraphs; exactly one"));
    }

    [Test]
    public void Buffer_index_out_of_range_names_the_tensor_and_the_buffer_count()
    {
        var tiny = new TinyTfliteModel();
        tiny.Tensors[TinyTfliteModel.KernelTensor].Int32(2, 99);
        Assert.That(Rejects(tiny).Message, Is.EqualTo("Tensor 1 'conv/Kernel': buffer index 99 out of range (model has 3 buffers)"));
    }

    [Test]
    public void Operator_input_beyond_the_tensor_list_is_rejected()
    {
        var tiny = new TinyTfliteModel();
        tiny.ConvOperator.Child(1, new[] { 0, 1, 4 });
        Assert.That(Rejects(tiny).Message, Is.EqualTo("Operator 0 (Conv2D): input 2 refers to tensor 4, but the model has 4 tensors"));
    }

    [Test]
    public void Operator_input_minus_one_marks_an_absent_optional_input()
    {
        var tiny = new TinyTfliteModel();
        tiny.ConvOperator.Child(1, new[] { 0, 1, -1 });
        Assert.That(tiny.Parse().Operators[0].Inputs, Is.EqualTo(new[] { 0, 1, -1 }));
    }

    [Test]
    public void Operator_output_minus_one_is_rejected()
    {
        var tiny = new TinyTfliteModel();
        tiny.ConvOperator.Child(2, new[] { -1 });
        Assert.That(Rejects(tiny).Message, Does.Contain("output 0 refers to tensor -1"));
    }

    [Test]
    public void Graph_output_beyond_the_tensor_list_is_rejected()
    {
        var tiny = new TinyTfliteModel();
        tiny.Subgraph.Child(2, new[] { 7 });
        Assert.That(Rejects(tiny).Message, Is.EqualTo("subgraph: output 0 refers to tensor 7, but the model has 4 tensors"));
    }

    [Test]
    public void Opcode_index_out_of_range_is_rejected()
    {
        var tiny = new TinyTfliteModel();
        tiny.ConvOperator.Int32(0, 3);
        Assert.That(Rejects(tiny).Message, Is.EqualTo("Operator 0: opcode index 3 out of range (model has 1 operator codes)"));
    }

    [Test]
    public void Options_union_type_of_another_kind_is_rejected()
    {
        var tiny = new TinyTfliteModel();
        tiny.ConvOperator.Byte(3, (byte)BuiltinOptionsType.DepthwiseConv2DOptions);
        Assert.That(Rejects(tiny).Message, Is.EqualTo(
            "Operator 0 (Conv2D): builtin options type 2 (DepthwiseConv2DOptions) does not match what Conv2D takes (Conv2DOptions)"));
    }

    [Test]
    public void Options_on_an_operator_kind_that_takes_none_are_rejected()
    {
        var tiny = new TinyTfliteModel();
        tiny.OperatorCodes[0] = TinyTfliteModel.OperatorCode(BuiltinOperator.Relu);
        Assert.That(Rejects(tiny).Message, Does.StartWith("Operator 0 (Relu): builtin options type 1 (Conv2DOptions) does not match what Relu takes (none)"));
    }

    [Test]
    public void Convolution_without_options_is_rejected()
    {
        var tiny = new TinyTfliteModel();
        tiny.ConvOperator.Without(3).Without(4);
        Assert.That(Rejects(tiny).Message, Does.StartWith("Operator 0 (Conv2D): Conv2D has no Conv2DOptions"));
    }

    [TestCase(1, "stride_w is 0")]
    [TestCase(2, "stride_h is 0")]
    [TestCase(4, "dilation_w_factor is 0")]
    [TestCase(5, "dilation_h_factor is 0")]
    public void Convolution_step_sizes_below_one_are_rejected(int field, string phrase)
    {
        var tiny = new TinyTfliteModel();
        tiny.ConvOptions.Int32(field, 0);
        Assert.That(Rejects(tiny).Message, Is.EqualTo($"Operator 0 (Conv2D): {phrase}, must be at least 1"));
    }

    [Test]
    public void Absent_dilations_default_to_one()
    {
        var tiny = new TinyTfliteModel();
        tiny.ConvOptions.Without(4).Without(5);
        Assert.That(tiny.Parse().Operators[0].Conv2D, Has.Property("DilationWidthFactor").EqualTo(1).And.Property("DilationHeightFactor").EqualTo(1));
    }

    [Test]
    public void Pool_filter_of_zero_is_rejected()
    {
        var tiny = new TinyTfliteModel();
        tiny.OperatorCodes.Add(TinyTfliteModel.OperatorCode(BuiltinOperator.MaxPool2D));
        var pool = new FlatTableSpec().Int32(1, 2).Int32(2, 2).Int32(3, 2).Int32(4, 0);
        tiny.Operators.Add(TinyTfliteModel.Operator(1, [0], [3], BuiltinOptionsType.Pool2DOptions, pool));
        Assert.That(Rejects(tiny).Message, Is.EqualTo("Operator 1 (MaxPool2D): filter_height is 0, must be at least 1"));
    }

    [Test]
    public void Unknown_padding_is_rejected()
    {
        var tiny = new TinyTfliteModel();
        tiny.ConvOptions.Byte(0, 2);
        Assert.That(Rejects(tiny).Message, Is.EqualTo("Operator 0 (Conv2D): padding 2 is neither SAME (0) nor VALID (1)"));
    }

    [Test]
    public void Unknown_fused_activation_is_rejected()
    {
        var tiny = new TinyTfliteModel();
        tiny.ConvOptions.Byte(3, 9);
        Assert.That(Rejects(tiny).Message, Is.EqualTo("Operator 0 (Conv2D): fused_activation_function 9 is not a known activation"));
    }

    [Test]
    public void Resize_with_both_align_corners_and_half_pixel_centers_is_rejected()
    {
        var tiny = new TinyTfliteModel();
        tiny.OperatorCodes.Add(TinyTfliteModel.OperatorCode(BuiltinOperator.ResizeBilinear));
        var resize = new FlatTableSpec().Byte(2, 1).Byte(3, 1);
        tiny.Operators.Add(TinyTfliteModel.Operator(1, [0, 2], [3], BuiltinOptionsType.ResizeBilinearOptions, resize));
        Assert.That(Rejects(tiny).Message, Does.StartWith("Operator 1 (ResizeBilinear): align_corners and half_pixel_centers"));
    }

    [Test]
    public void Operator_code_is_the_larger_of_the_deprecated_and_the_current_field()
    {
        var tiny = new TinyTfliteModel();
        tiny.OperatorCodes[0] = new FlatTableSpec().Byte(0, 127).Int32(3, 150);
        TfliteOperator op = tiny.Parse().Operators[0];
        Assert.That(op.Kind, Is.EqualTo((BuiltinOperator)150));
        Assert.That(op.Conv2D, Is.Null, "options of kinds the reader does not model are ignored");
    }

    [Test]
    public void Operator_code_written_before_schema_3a_has_only_the_deprecated_field()
    {
        var tiny = new TinyTfliteModel();
        tiny.OperatorCodes[0] = new FlatTableSpec().Byte(0, (byte)BuiltinOperator.Conv2D);
        Assert.That(tiny.Parse().Operators[0].Kind, Is.EqualTo(BuiltinOperator.Conv2D));
    }

    [Test]
    public void Custom_operator_keeps_its_custom_code()
    {
        var tiny = new TinyTfliteModel();
        tiny.OperatorCodes[0] = new FlatTableSpec().Byte(0, (byte)BuiltinOperator.Custom).Child(1, "FaceMagic");
        TfliteOperator op = tiny.Parse().Operators[0];
        Assert.That((op.Kind, op.CustomCode), Is.EqualTo((BuiltinOperator.Custom, "FaceMagic")));
    }

    [Test]
    public void Negative_dimension_is_rejected()
    {
        var tiny = new TinyTfliteModel();
        tiny.Tensors[0].Child(0, new[] { 1, -1, 4, 1 });
        Assert.That(Rejects(tiny).Message, Is.EqualTo("Tensor 0 'input': dimension 1 of shape [1,-1,4,1] is negative"));
    }

    [Test]
    public void Element_count_overflow_is_rejected()
    {
        var tiny = new TinyTfliteModel();
        tiny.Tensors[0].Child(0, new[] { int.MaxValue, int.MaxValue, int.MaxValue });
        Assert.That(Rejects(tiny).Message, Does.Contain("more elements than a 64-bit count can hold"));
    }

    [Test]
    public void Tensor_without_a_shape_is_a_scalar_of_one_element()
    {
        var tiny = new TinyTfliteModel();
        tiny.Tensors[TinyTfliteModel.BiasTensor].Without(0);
        TfliteModel model = tiny.Parse();
        TfliteTensor bias = model.Tensors[TinyTfliteModel.BiasTensor];
        Assert.That((bias.Shape.Count, bias.ElementCount), Is.EqualTo((0, 1L)));
        Assert.That(model.ReadFloat32(bias), Is.EqualTo(new[] { 0.5f }));
    }

    [Test]
    public void Data_length_that_disagrees_with_the_shape_is_rejected_when_read()
    {
        var tiny = new TinyTfliteModel();
        tiny.Tensors[TinyTfliteModel.KernelTensor].Child(0, new[] { 1, 3, 3, 2 });
        TfliteModel model = tiny.Parse();
        var exception = Assert.Throws<InvalidDataException>(() => model.ReadFloat32(model.Tensors[1]))!;
        Assert.That(exception.Message, Is.EqualTo("tensor 1 'conv/Kernel' stores 36 bytes, but its shape [1,3,3,2] of Float32 needs 18 x 4 bytes"));
    }

    [Test]
    public void Unknown_tensor_type_is_kept_and_rejected_only_when_read()
    {
        var tiny = new TinyTfliteModel();
        tiny.Tensors[TinyTfliteModel.KernelTensor].Byte(1, 42);
        TfliteModel model = tiny.Parse();
        Assert.That(model.Tensors[1].Type, Is.EqualTo((TensorType)42));
        var exception = Assert.Throws<InvalidDataException>(() => model.ReadFloat32(model.Tensors[1]))!;
        Assert.That(exception.Message, Does.Contain("has type 42, not Float32 or Float16"));
    }

    [Test]
    public void Float16_data_widens_exactly_including_subnormals_and_extremes()
    {
        float[] expected = [1f, -2.5f, 65504f, (float)Half.Epsilon, 0f, -0.000061035156f];
        byte[] bytes = new byte[expected.Length * 2];
        for (int i = 0; i < expected.Length; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(2 * i), (Half)expected[i]);
        }

        var tiny = new TinyTfliteModel();
        tiny.Buffers[1] = TinyTfliteModel.Buffer(bytes);
        tiny.Tensors[1].Child(0, new[] { expected.Length }).Byte(1, (byte)TensorType.Float16);
        TfliteModel model = tiny.Parse();
        Assert.That(model.ReadFloat32(model.Tensors[1]), Is.EqualTo(expected));
    }

    [Test]
    public void Reading_int32_from_a_float_tensor_is_rejected()
    {
        TfliteModel model = new TinyTfliteModel().Parse();
        var exception = Assert.Throws<InvalidDataException>(() => model.ReadInt32(model.Tensors[1]))!;
        Assert.That(exception.Message, Does.Contain("has type Float32, not Int32"));
    }

    [Test]
    public void Reading_a_tensor_of_another_model_is_a_caller_error()
    {
        TfliteModel first = new TinyTfliteModel().Parse();
        TfliteModel second = new TinyTfliteModel().Parse();
        Assert.Throws<ArgumentException>(() => first.ReadFloat32(second.Tensors[1]));
    }

    [Test]
    public void Buffer_stored_outside_the_flatbuffer_is_rejected()
    {
        var tiny = new TinyTfliteModel();
        tiny.Buffers[1].UInt64(1, 4096).UInt64(2, 36);
        Assert.That(Rejects(tiny).Message, Is.EqualTo("Buffer 1: data stored outside the FlatBuffer (offset 4096, size 36) is not supported"));
    }

    [Test]
    public void Name_that_is_not_utf8_is_rejected()
    {
        var tiny = new TinyTfliteModel();
        tiny.Tensors[0].Child(3, new byte[] { 0x69, 0xFF, 0xFE });
        Assert.That(Rejects(tiny).Message, Does.StartWith("Tensor 0: string at offset").And.EndWith("is not valid UTF-8"));
    }

    [Test]
    public void Duplicate_names_resolve_to_the_first_tensor()
    {
        var tiny = new TinyTfliteModel();
        tiny.Tensors[3].Child(3, "input");
        Assert.That(tiny.Parse().GetTensor("input").Index, Is.EqualTo(0));
    }

    [Test]
    public void Vectors_shared_by_many_tables_cannot_inflate_memory()
    {
        // 50,000 tensor entries all pointing at one tensor whose shape lists 50,000 dimensions: a ~400 KB file
        // that would decode to 10 GB of shapes.
        var tiny = new TinyTfliteModel();
        FlatTableSpec shared = TinyTfliteModel.Tensor("t", Enumerable.Repeat(1, 50_000).ToArray(), TensorType.Float32, 0);
        tiny.Tensors.Clear();
        tiny.Tensors.AddRange(Enumerable.Repeat(shared, 50_000));
        Assert.That(Rejects(tiny).Message, Does.Contain("4 times the file size"));
    }
}
