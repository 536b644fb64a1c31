using System.Buffers.Binary;
using BlazeFace.Models.Tflite;

namespace BlazeFace.Tests.Models;

/// <summary>
/// A minimal hand-built TFLite model that tests edit before writing: one 3x3 CONV_2D from a 4x4 input, with
/// float32 weights. Each list is a schema vector; edit an entry (or replace it) and call <see cref="ToBytes"/>.
/// </summary>
internal sealed class TinyTfliteModel
{
    public const int InputTensor = 0;
    public const int KernelTensor = 1;
    public const int BiasTensor = 2;
    public const int OutputTensor = 3;

    public static readonly float[] KernelValues = [1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f];

    public FlatTableSpec Model { get; } = new FlatTableSpec().Int32(0, 3).Child(3, "tiny test model");

    public FlatTableSpec Subgraph { get; } = new FlatTableSpec()
        .Child(1, new[] { InputTensor })
        .Child(2, new[] { OutputTensor })
        .Child(4, "main");

    public List<FlatTableSpec> OperatorCodes { get; } = [OperatorCode(BuiltinOperator.Conv2D)];

    public List<FlatTableSpec> Buffers { get; } = [Buffer(null), Buffer(FloatBytes(KernelValues)), Buffer(FloatBytes([0.5f]))];

    public List<FlatTableSpec> Tensors { get; } =
    [
        Tensor("input", [1, 4, 4, 1], TensorType.Float32, 0),
        Tensor("conv/Kernel", [1, 3, 3, 1], TensorType.Float32, 1),
        Tensor("conv/Bias", [1], TensorType.Float32, 2),
        Tensor("output", [1, 2, 2, 1], TensorType.Float32, 0),
    ];

    public List<FlatTableSpec> Operators { get; } =
    [
        Operator(0, [InputTensor, KernelTensor, BiasTensor], [OutputTensor], BuiltinOptionsType.Conv2DOptions, Conv2DOptions(strideWidth: 1, strideHeight: 1)),
    ];

    /// <summary>How many copies of <see cref="Subgraph"/> the model lists.</summary>
    public int SubgraphCount { get; set; } = 1;

    public FlatTableSpec ConvOperator => Operators[0];

    public FlatTableSpec ConvOptions => (FlatTableSpec)ConvOperator.Fields[4];

    public static FlatTableSpec OperatorCode(BuiltinOperator kind) =>
        new FlatTableSpec().Byte(0, (byte)Math.Min((int)kind, 127)).Int32(2, 1).Int32(3, (int)kind);

    public static FlatTableSpec Buffer(byte[]? data) => data is null ? new FlatTableSpec() : new FlatTableSpec().Child(0, data);

    public static FlatTableSpec Tensor(string name, int[] shape, TensorType type, int buffer) =>
        new FlatTableSpec().Child(0, shape).Byte(1, (byte)type).Int32(2, buffer).Child(3, name);

    public static FlatTableSpec Operator(int opcode, int[] inputs, int[] outputs, BuiltinOptionsType optionsType = BuiltinOptionsType.None, FlatTableSpec? options = null)
    {
        var op = new FlatTableSpec().Int32(0, opcode).Child(1, inputs).Child(2, outputs);
        if (options is not null)
        {
            op.Byte(3, (byte)optionsType).Child(4, options);
        }

        return op;
    }

    public static FlatTableSpec Conv2DOptions(int strideWidth, int strideHeight, Padding padding = Padding.Valid) =>
        new FlatTableSpec().Byte(0, (byte)padding).Int32(1, strideWidth).Int32(2, strideHeight);

    public static byte[] FloatBytes(float[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), values[i]);
        }

        return bytes;
    }

    public static byte[] IntBytes(int[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4 * i), values[i]);
        }

        return bytes;
    }

    public byte[] ToBytes(string fileIdentifier = "TFL3")
    {
        Subgraph.Child(0, Tensors.ToArray()).Child(3, Operators.ToArray());
        Model.Child(1, OperatorCodes.ToArray())
            .Child(2, Enumerable.Repeat(Subgraph, SubgraphCount).ToArray())
            .Child(4, Buffers.ToArray());
        return FlatBufferTestWriter.Write(Model, fileIdentifier);
    }

    public TfliteModel Parse() => TfliteModel.Parse(ToBytes());
}
