using System.Runtime.InteropServices;
using BlazeFace.Models.Tflite;

namespace BlazeFace.Tests.Models;

/// <summary>
/// Writes the float32 edition of a float16 BlazeFace file, as MediaPipe's 2019 export stored its models: every weight
/// re-stored as float32 under its own name, the DEQUANTIZE operators gone and each operator reading the weight tensor
/// directly. Built from the committed models, so the float32 loading path is tested without files from outside the
/// repository; the weight values are exactly the float16 file's, so both must give identical outputs.
/// </summary>
internal static class Float32Edition
{
    public static byte[] Of(TfliteModel model)
    {
        // A DEQUANTIZE output stands for its input: operators that read "conv2d/Kernel_dequantize" read "conv2d/Kernel".
        var replaced = new Dictionary<int, int>();
        foreach (TfliteOperator op in model.Operators.Where(op => op.Kind == BuiltinOperator.Dequantize))
        {
            replaced[op.Outputs[0]] = op.Inputs[0];
        }

        TfliteTensor[] kept = [.. model.Tensors.Where(t => !replaced.ContainsKey(t.Index))];
        var newIndex = kept.Select((tensor, index) => (tensor.Index, index)).ToDictionary(p => p.Item1, p => p.Item2);
        int Map(int tensor) => tensor < 0 ? tensor : newIndex[replaced.GetValueOrDefault(tensor, tensor)];

        var buffers = new List<FlatTableSpec> { TinyTfliteModel.Buffer(null) };
        var tensors = new List<FlatTableSpec>();
        foreach (TfliteTensor tensor in kept)
        {
            int buffer = 0;
            TensorType type = tensor.Type;
            if (tensor.HasData)
            {
                byte[] data = type == TensorType.Float16
                    ? MemoryMarshal.AsBytes(model.ReadFloat32(tensor).AsSpan()).ToArray()
                    : tensor.Data.ToArray();
                type = type == TensorType.Float16 ? TensorType.Float32 : type;
                buffers.Add(TinyTfliteModel.Buffer(data));
                buffer = buffers.Count - 1;
            }

            tensors.Add(TinyTfliteModel.Tensor(tensor.Name, [.. tensor.Shape], type, buffer));
        }

        BuiltinOperator[] kinds = [.. model.Operators.Where(op => op.Kind != BuiltinOperator.Dequantize).Select(op => op.Kind).Distinct()];
        FlatTableSpec[] operators = [.. model.Operators
            .Where(op => op.Kind != BuiltinOperator.Dequantize)
            .Select(op =>
            {
                (BuiltinOptionsType type, FlatTableSpec? options) = Options(op);
                return TinyTfliteModel.Operator(Array.IndexOf(kinds, op.Kind), [.. op.Inputs.Select(Map)], [.. op.Outputs.Select(Map)], type, options);
            })];

        FlatTableSpec subgraph = new FlatTableSpec()
            .Child(0, tensors.ToArray())
            .Child(1, model.Inputs.Select(Map).ToArray())
            .Child(2, model.Outputs.Select(Map).ToArray())
            .Child(3, operators)
            .Child(4, "main");
        FlatTableSpec root = new FlatTableSpec()
            .Int32(0, 3)
            .Child(1, kinds.Select(TinyTfliteModel.OperatorCode).ToArray())
            .Child(2, new[] { subgraph })
            .Child(3, "float32 edition written by the tests")
            .Child(4, buffers.ToArray());
        return FlatBufferTestWriter.Write(root, "TFL3");
    }

    /// <summary>The operator's options table, field by field in schema order.</summary>
    private static (BuiltinOptionsType Type, FlatTableSpec? Options) Options(TfliteOperator op) => op switch
    {
        { Conv2D: { } o } => (BuiltinOptionsType.Conv2DOptions, new FlatTableSpec()
            .Byte(0, (byte)o.Padding).Int32(1, o.StrideWidth).Int32(2, o.StrideHeight).Byte(3, (byte)o.FusedActivation)
            .Int32(4, o.DilationWidthFactor).Int32(5, o.DilationHeightFactor)),
        { DepthwiseConv2D: { } o } => (BuiltinOptionsType.DepthwiseConv2DOptions, new FlatTableSpec()
            .Byte(0, (byte)o.Padding).Int32(1, o.StrideWidth).Int32(2, o.StrideHeight).Int32(3, o.DepthMultiplier)
            .Byte(4, (byte)o.FusedActivation).Int32(5, o.DilationWidthFactor).Int32(6, o.DilationHeightFactor)),
        { Pool2D: { } o } => (BuiltinOptionsType.Pool2DOptions, new FlatTableSpec()
            .Byte(0, (byte)o.Padding).Int32(1, o.StrideWidth).Int32(2, o.StrideHeight).Int32(3, o.FilterWidth)
            .Int32(4, o.FilterHeight).Byte(5, (byte)o.FusedActivation)),
        { Concatenation: { } o } => (BuiltinOptionsType.ConcatenationOptions, new FlatTableSpec().Int32(0, o.Axis).Byte(1, (byte)o.FusedActivation)),
        { Add: { } o } => (BuiltinOptionsType.AddOptions, new FlatTableSpec().Byte(0, (byte)o.FusedActivation)),
        { ResizeBilinear: { } o } => (BuiltinOptionsType.ResizeBilinearOptions, new FlatTableSpec().Byte(2, o.AlignCorners ? (byte)1 : (byte)0).Byte(3, o.HalfPixelCenters ? (byte)1 : (byte)0)),
        { Reshape: { } o } => (BuiltinOptionsType.ReshapeOptions, new FlatTableSpec().Child(0, o.NewShape.ToArray())),
        { Kind: BuiltinOperator.Pad } => (BuiltinOptionsType.PadOptions, new FlatTableSpec()),
        _ => (BuiltinOptionsType.None, null),
    };
}
