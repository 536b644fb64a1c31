namespace BlazeFace.Models.Tflite;

/// <summary>Options of a RESIZE_BILINEAR operator (schema table <c>ResizeBilinearOptions</c>).</summary>
/// <remarks>
/// The schema's first two fields (new_height, new_width) are deprecated and ignored by TFLite: the output size
/// comes from the operator's second input, an int32 [2] tensor. They are therefore not read.
/// </remarks>
internal sealed record ResizeBilinearOptions(bool AlignCorners, bool HalfPixelCenters);
