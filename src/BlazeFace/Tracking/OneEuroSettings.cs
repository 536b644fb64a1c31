namespace BlazeFace.Tracking;

/// <summary>The One-Euro filter's parameters, from <see cref="FaceTrackerOptions"/>, shared by every track.</summary>
/// <param name="MinCutoff">Cut-off frequency of a still face, in hertz.</param>
/// <param name="Beta">How fast the cut-off rises with the face's speed, in hertz per (face size per second).</param>
/// <param name="DerivativeCutoff">Cut-off frequency of the rate estimates, in hertz.</param>
internal readonly record struct OneEuroSettings(float MinCutoff, float Beta, float DerivativeCutoff);
