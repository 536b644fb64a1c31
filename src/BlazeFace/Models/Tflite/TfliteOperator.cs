namespace BlazeFace.Models.Tflite;

/// <summary>One operator of a TFLite model's graph, in execution order, with its typed options.</summary>
internal sealed class TfliteOperator
{
    private readonly object? _options;

    internal TfliteOperator(int index, BuiltinOperator kind, string? customCode, int[] inputs, int[] outputs, object? options)
    {
        Index = index;
        Kind = kind;
        CustomCode = customCode;
        Inputs = Array.AsReadOnly(inputs);
        Outputs = Array.AsReadOnly(outputs);
        _options = options;
    }

    /// <summary>Position of the operator in the subgraph; the file lists operators in execution order.</summary>
    public int Index { get; }

    /// <summary>What the operator does; may be a number <see cref="BuiltinOperator"/> does not name.</summary>
    public BuiltinOperator Kind { get; }

    /// <summary>The custom operator's name when <see cref="Kind"/> is <see cref="BuiltinOperator.Custom"/>.</summary>
    public string? CustomCode { get; }

    /// <summary>Indices of the input tensors; -1 marks an optional input that is absent.</summary>
    public IReadOnlyList<int> Inputs { get; }

    /// <summary>Indices of the output tensors.</summary>
    public IReadOnlyList<int> Outputs { get; }

    public Conv2DOptions? Conv2D => _options as Conv2DOptions;

    public DepthwiseConv2DOptions? DepthwiseConv2D => _options as DepthwiseConv2DOptions;

    public Pool2DOptions? Pool2D => _options as Pool2DOptions;

    public ResizeBilinearOptions? ResizeBilinear => _options as ResizeBilinearOptions;

    public ConcatenationOptions? Concatenation => _options as ConcatenationOptions;

    public AddOptions? Add => _options as AddOptions;

    public ReshapeOptions? Reshape => _options as ReshapeOptions;

    public DepthToSpaceOptions? DepthToSpace => _options as DepthToSpaceOptions;

    public override string ToString() =>
        $"operator {Index} {Kind} ({string.Join(",", Inputs)}) -> ({string.Join(",", Outputs)})";
}
