namespace BlazeFace.Preprocessing;

/// <summary>
/// How a model wants pixel values: a byte value v (0 to 255) becomes v x <see cref="Scale"/> + <see cref="Offset"/>.
/// The detectors take [-1, 1]; MediaPipe's face-landmark model takes [0, 1].
/// </summary>
/// <param name="Scale">Multiplies the blended byte value.</param>
/// <param name="Offset">Added after scaling: the value of black (0), which is also what a pixel that reads nothing gets.</param>
internal readonly record struct TensorValueRange(float Scale, float Offset)
{
    /// <summary>[-1, 1]: v / 127.5 - 1, the BlazeFace detectors' input.</summary>
    public static TensorValueRange MinusOneToOne => new(BilinearRowSampler.Scale, -1f);

    /// <summary>[0, 1]: v / 255, the face-landmark model's input (MediaPipe's <c>output_tensor_float_range {min: 0 max: 1}</c>).</summary>
    public static TensorValueRange ZeroToOne => new(1f / 255f, 0f);
}
