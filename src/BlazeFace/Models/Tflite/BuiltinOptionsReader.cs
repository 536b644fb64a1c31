namespace BlazeFace.Models.Tflite;

/// <summary>
/// Maps operator kinds to the options table the schema gives them, and reads and validates those tables.
/// Field indices and defaults follow the schema's declaration order.
/// </summary>
/// <remarks>
/// Messages name the schema field but not the operator; the model parser prefixes the operator's index and kind.
/// </remarks>
internal static class BuiltinOptionsReader
{
    /// <summary>
    /// The options tag an operator of this kind must carry (or <see cref="BuiltinOptionsType.None"/> for kinds the
    /// schema gives no options); null for kinds whose options are not checked.
    /// </summary>
    public static BuiltinOptionsType? ExpectedType(BuiltinOperator kind) => kind switch
    {
        BuiltinOperator.Conv2D => BuiltinOptionsType.Conv2DOptions,
        BuiltinOperator.DepthwiseConv2D => BuiltinOptionsType.DepthwiseConv2DOptions,
        BuiltinOperator.AveragePool2D or BuiltinOperator.MaxPool2D or BuiltinOperator.L2Pool2D
            => BuiltinOptionsType.Pool2DOptions,
        BuiltinOperator.FullyConnected => BuiltinOptionsType.FullyConnectedOptions,
        BuiltinOperator.Softmax => BuiltinOptionsType.SoftmaxOptions,
        BuiltinOperator.Concatenation => BuiltinOptionsType.ConcatenationOptions,
        BuiltinOperator.Add => BuiltinOptionsType.AddOptions,
        BuiltinOperator.ResizeBilinear => BuiltinOptionsType.ResizeBilinearOptions,
        BuiltinOperator.Reshape => BuiltinOptionsType.ReshapeOptions,
        BuiltinOperator.Mul => BuiltinOptionsType.MulOptions,
        BuiltinOperator.Pad => BuiltinOptionsType.PadOptions,
        BuiltinOperator.Dequantize => BuiltinOptionsType.DequantizeOptions,
        BuiltinOperator.DepthToSpace => BuiltinOptionsType.DepthToSpaceOptions,
        BuiltinOperator.Densify => BuiltinOptionsType.DensifyOptions,
        BuiltinOperator.Relu or BuiltinOperator.Relu6 or BuiltinOperator.ReluN1To1
            or BuiltinOperator.Logistic or BuiltinOperator.Tanh or BuiltinOperator.Prelu => BuiltinOptionsType.None,
        _ => null,
    };

    /// <summary>
    /// Whether an operator of this kind is meaningless without its options: the schema defaults for strides and
    /// window sizes are 0, which no kernel can run.
    /// </summary>
    public static bool RequiresOptions(BuiltinOperator kind) => kind
        is BuiltinOperator.Conv2D
        or BuiltinOperator.DepthwiseConv2D
        or BuiltinOperator.AveragePool2D
        or BuiltinOperator.MaxPool2D
        or BuiltinOperator.L2Pool2D
        or BuiltinOperator.DepthToSpace;

    /// <summary>Reads the options table of a kind this reader models; null for the others.</summary>
    /// <param name="kind">The operator kind, whose options tag has already been checked.</param>
    /// <param name="table">The options table.</param>
    /// <param name="budget">What the parse may still copy out of the file.</param>
    public static object? Read(BuiltinOperator kind, FlatBufferTable table, DecodeBudget budget) => kind switch
    {
        BuiltinOperator.Conv2D => ReadConv2D(table),
        BuiltinOperator.DepthwiseConv2D => ReadDepthwiseConv2D(table),
        BuiltinOperator.AveragePool2D or BuiltinOperator.MaxPool2D or BuiltinOperator.L2Pool2D => ReadPool2D(table),
        BuiltinOperator.Concatenation => new ConcatenationOptions(table.GetInt32(0), ReadActivation(table, 1)),
        BuiltinOperator.Add => new AddOptions(ReadActivation(table, 0)),
        BuiltinOperator.ResizeBilinear => ReadResizeBilinear(table),
        BuiltinOperator.Reshape => new ReshapeOptions(Array.AsReadOnly(budget.Int32Vector(table, 0) ?? [])),
        BuiltinOperator.DepthToSpace => new DepthToSpaceOptions(AtLeastOne(table, 0, "block_size", 0)),
        _ => null,
    };

    private static Conv2DOptions ReadConv2D(FlatBufferTable table) => new(
        ReadPadding(table, 0),
        AtLeastOne(table, 1, "stride_w", 0),
        AtLeastOne(table, 2, "stride_h", 0),
        ReadActivation(table, 3),
        AtLeastOne(table, 4, "dilation_w_factor", 1),
        AtLeastOne(table, 5, "dilation_h_factor", 1));

    private static DepthwiseConv2DOptions ReadDepthwiseConv2D(FlatBufferTable table) => new(
        ReadPadding(table, 0),
        AtLeastOne(table, 1, "stride_w", 0),
        AtLeastOne(table, 2, "stride_h", 0),
        table.GetInt32(3),
        ReadActivation(table, 4),
        AtLeastOne(table, 5, "dilation_w_factor", 1),
        AtLeastOne(table, 6, "dilation_h_factor", 1));

    private static Pool2DOptions ReadPool2D(FlatBufferTable table) => new(
        ReadPadding(table, 0),
        AtLeastOne(table, 1, "stride_w", 0),
        AtLeastOne(table, 2, "stride_h", 0),
        AtLeastOne(table, 3, "filter_width", 0),
        AtLeastOne(table, 4, "filter_height", 0),
        ReadActivation(table, 5));

    private static ResizeBilinearOptions ReadResizeBilinear(FlatBufferTable table)
    {
        var options = new ResizeBilinearOptions(AlignCorners: table.GetBool(2), HalfPixelCenters: table.GetBool(3));

        // The two conventions contradict each other; TFLite's kernel refuses the combination too.
        if (options.AlignCorners && options.HalfPixelCenters)
        {
            throw new InvalidDataException("align_corners and half_pixel_centers are both set");
        }

        return options;
    }

    private static int AtLeastOne(FlatBufferTable table, int field, string name, int defaultValue)
    {
        int value = table.GetInt32(field, defaultValue);
        if (value < 1)
        {
            throw new InvalidDataException($"{name} is {value}, must be at least 1");
        }

        return value;
    }

    private static Padding ReadPadding(FlatBufferTable table, int field)
    {
        byte value = table.GetByte(field);
        if (value > (byte)Padding.Valid)
        {
            throw new InvalidDataException($"padding {value} is neither SAME (0) nor VALID (1)");
        }

        return (Padding)value;
    }

    private static ActivationFunction ReadActivation(FlatBufferTable table, int field)
    {
        byte value = table.GetByte(field);
        if (value > (byte)ActivationFunction.SignBit)
        {
            throw new InvalidDataException($"fused_activation_function {value} is not a known activation");
        }

        return (ActivationFunction)value;
    }
}
