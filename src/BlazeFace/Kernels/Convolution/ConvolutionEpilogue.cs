namespace BlazeFace.Kernels.Convolution;

/// <summary>
/// Work fused into the end of a convolution: a residual add and a ReLU. BlazeBlocks end in
/// conv → (channel padding) → add → ReLU, so doing all of it while the accumulator is in registers saves
/// three passes over the activation.
/// </summary>
/// <remarks>
/// The residual has <see cref="ResidualChannels"/> channels per pixel, which may be fewer than the
/// convolution's output channels: the missing channels are the zeros that channel padding would have added.
/// </remarks>
internal readonly ref struct ConvolutionEpilogue
{
    public ConvolutionEpilogue(ReadOnlySpan<float> residual, int residualChannels, bool relu)
    {
        Residual = residual;
        ResidualChannels = residualChannels;
        Relu = relu;
    }

    public ReadOnlySpan<float> Residual { get; }

    public int ResidualChannels { get; }

    public bool Relu { get; }

    public bool HasResidual => ResidualChannels > 0;

    public static ConvolutionEpilogue None => default;

    public static ConvolutionEpilogue ReluOnly => new(default, 0, relu: true);

    /// <summary>The scalar definition every vectorised epilogue must reproduce.</summary>
    public float Apply(float accumulator, int pixel, int channel)
    {
        if (channel < ResidualChannels)
        {
            accumulator += Residual[(pixel * ResidualChannels) + channel];
        }

        return Relu ? MathF.Max(accumulator, 0f) : accumulator;
    }
}
