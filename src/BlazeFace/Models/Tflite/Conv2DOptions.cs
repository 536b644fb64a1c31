namespace BlazeFace.Models.Tflite;

/// <summary>Options of a CONV_2D operator (schema table <c>Conv2DOptions</c>).</summary>
internal sealed record Conv2DOptions(
    Padding Padding,
    int StrideWidth,
    int StrideHeight,
    ActivationFunction FusedActivation,
    int DilationWidthFactor,
    int DilationHeightFactor);
