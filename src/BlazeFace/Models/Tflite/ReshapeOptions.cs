namespace BlazeFace.Models.Tflite;

/// <summary>Options of a RESHAPE operator (schema table <c>ReshapeOptions</c>).</summary>
/// <param name="NewShape">
/// The target shape as stored (one entry may be -1, meaning "whatever is left"); empty when the field is absent,
/// in which case the shape comes from the operator's second input.
/// </param>
internal sealed record ReshapeOptions(IReadOnlyList<int> NewShape);
