namespace BlazeFace.Export.Onnx;

/// <summary>The element types of ONNX's <c>TensorProto.DataType</c> that a BlazeFace graph uses.</summary>
internal enum OnnxDataType
{
    /// <summary>32-bit IEEE float: weights and activations.</summary>
    Float = 1,

    /// <summary>64-bit signed integer: shapes and pads handed to operators as inputs.</summary>
    Int64 = 7,
}
