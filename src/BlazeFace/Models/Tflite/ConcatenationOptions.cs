namespace BlazeFace.Models.Tflite;

/// <summary>Options of a CONCATENATION operator (schema table <c>ConcatenationOptions</c>).</summary>
/// <remarks><c>Axis</c> is kept as stored; it may be negative (counted from the last dimension).</remarks>
internal sealed record ConcatenationOptions(int Axis, ActivationFunction FusedActivation);
