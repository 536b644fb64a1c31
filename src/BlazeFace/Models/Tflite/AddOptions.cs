namespace BlazeFace.Models.Tflite;

/// <summary>Options of an ADD operator (schema table <c>AddOptions</c>).</summary>
internal sealed record AddOptions(ActivationFunction FusedActivation);
