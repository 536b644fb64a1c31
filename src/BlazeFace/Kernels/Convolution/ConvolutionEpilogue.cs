namespace BlazeFace.Kernels.Convolution;

/// <summary>
/// Work fused into the end of a convolution: a residual add, then a ReLU or a PReLU. BlazeBlocks end in
/// conv → (channel padding) → add → ReLU (PReLU in the face-landmark network), so doing all of it while the
/// accumulator is in registers saves three passes over the activation.
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

    /// <summary>A residual add followed by PReLU with one slope per output channel.</summary>
    /// <param name="residual">The residual, <paramref name="residualChannels"/> floats per pixel (empty with 0 for none).</param>
    /// <param name="residualChannels">Leading output channels the residual is added to.</param>
    /// <param name="preluAlpha">The slopes, one per output channel (TFLite's alpha, unpacked); not empty.</param>
    public ConvolutionEpilogue(ReadOnlySpan<float> residual, int residualChannels, ReadOnlySpan<float> preluAlpha)
    {
        if (preluAlpha.IsEmpty)
        {
            throw new ArgumentException("A PReLU epilogue needs its slopes.", nameof(preluAlpha));
        }

        Residual = residual;
        ResidualChannels = residualChannels;
        PReluAlpha = preluAlpha;
    }

    public ReadOnlySpan<float> Residual { get; }

    public int ResidualChannels { get; }

    public bool Relu { get; }

    /// <summary>PReLU slopes per output channel; empty when the epilogue has no PReLU.</summary>
    public ReadOnlySpan<float> PReluAlpha { get; }

    public bool HasResidual => ResidualChannels > 0;

    public bool HasPRelu => !PReluAlpha.IsEmpty;

    public static ConvolutionEpilogue None => default;

    public static ConvolutionEpilogue ReluOnly => new(default, 0, relu: true);

    /// <summary>PReLU alone, no residual.</summary>
    public static ConvolutionEpilogue PReluOnly(ReadOnlySpan<float> alpha) => new(default, 0, alpha);

    /// <summary>The scalar definition every vectorised epilogue must reproduce.</summary>
    public float Apply(float accumulator, int pixel, int channel)
    {
        if (channel < ResidualChannels)
        {
            accumulator += Residual[(pixel * ResidualChannels) + channel];
        }

        if (HasPRelu)
        {
            return accumulator >= 0f ? accumulator : accumulator * PReluAlpha[channel];
        }

        return Relu ? MathF.Max(accumulator, 0f) : accumulator;
    }
}
