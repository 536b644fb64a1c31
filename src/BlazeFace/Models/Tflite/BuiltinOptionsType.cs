namespace BlazeFace.Models.Tflite;

/// <summary>
/// The tag of the schema's <c>BuiltinOptions</c> union (operator field <c>builtin_options_type</c>): which options
/// table an operator carries. Only the tags the reader checks are named.
/// </summary>
internal enum BuiltinOptionsType
{
    None = 0,
    Conv2DOptions = 1,
    DepthwiseConv2DOptions = 2,
    Pool2DOptions = 5,
    FullyConnectedOptions = 8,
    SoftmaxOptions = 9,
    ConcatenationOptions = 10,
    AddOptions = 11,
    ResizeBilinearOptions = 15,
    ReshapeOptions = 17,
    MulOptions = 21,
    PadOptions = 22,
    DequantizeOptions = 38,

    /// <summary>DEPTH_TO_SPACE's block size.</summary>
    DepthToSpaceOptions = 94,

    /// <summary>DENSIFY's (empty) options.</summary>
    DensifyOptions = 99,
}
