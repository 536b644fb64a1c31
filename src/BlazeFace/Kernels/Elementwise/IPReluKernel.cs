namespace BlazeFace.Kernels.Elementwise;

/// <summary>
/// PReLU with one slope per channel (Keras <c>PReLU</c> with <c>shared_axes=[1, 2]</c>, TFLite PRELU with alpha
/// [1, 1, C]) over NHWC data: x where x &gt;= 0, alpha[c] x x elsewhere.
/// </summary>
internal interface IPReluKernel
{
    /// <summary>Re-lays the C slopes (TFLite's alpha) into the layout <see cref="Run"/> reads; called once at load.</summary>
    float[] Pack(ReadOnlySpan<float> alpha);

    /// <summary>Applies PReLU to whole pixels of <paramref name="channels"/> channels.</summary>
    /// <param name="input">The tensor, at least as long as <paramref name="output"/>.</param>
    /// <param name="packedAlpha">The slopes as <see cref="Pack"/> returned them.</param>
    /// <param name="channels">Channels per pixel: the number of slopes.</param>
    /// <param name="output">Where the result goes: a whole number of pixels. It may be <paramref name="input"/> itself, but not overlap it otherwise.</param>
    void Run(ReadOnlySpan<float> input, ReadOnlySpan<float> packedAlpha, int channels, Span<float> output);
}
