namespace BlazeFace.Models.Tflite;

/// <summary>Options of AVERAGE_POOL_2D, MAX_POOL_2D and L2_POOL_2D operators (schema table <c>Pool2DOptions</c>).</summary>
internal sealed record Pool2DOptions(
    Padding Padding,
    int StrideWidth,
    int StrideHeight,
    int FilterWidth,
    int FilterHeight,
    ActivationFunction FusedActivation);
