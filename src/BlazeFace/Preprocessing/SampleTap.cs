namespace BlazeFace.Preprocessing;

/// <summary>
/// The two neighbouring source samples one output pixel blends along one axis, and the weight of the second.
/// </summary>
/// <param name="Lower">Offset of the first sample: a byte offset within a row for columns, a row index for rows.</param>
/// <param name="Upper">Offset of the second sample, equal to <paramref name="Lower"/> at the image's last column or row.</param>
/// <param name="Weight">Weight of the second sample, in [0, 1).</param>
internal readonly record struct SampleTap(int Lower, int Upper, float Weight);
