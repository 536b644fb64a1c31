namespace BlazeFace.Models.Tflite;

/// <summary>Options of a DEPTHWISE_CONV_2D operator (schema table <c>DepthwiseConv2DOptions</c>).</summary>
/// <remarks>
/// <c>DepthMultiplier</c> is kept as stored but not validated: converters are known to write values that disagree
/// with the weight shape, and TFLite itself derives the multiplier from the shapes.
/// </remarks>
internal sealed record DepthwiseConv2DOptions(
    Padding Padding,
    int StrideWidth,
    int StrideHeight,
    int DepthMultiplier,
    ActivationFunction FusedActivation,
    int DilationWidthFactor,
    int DilationHeightFactor);
