namespace BlazeFace.Kernels.Chw;

/// <summary>
/// What a channel-major (CHW) kernel does to each output before storing it: add the same value of a residual tensor
/// of the output's shape (a block's shortcut), then clamp at zero (a fused ReLU).
/// </summary>
internal readonly ref struct ChwEpilogue
{
    public ChwEpilogue(ReadOnlySpan<float> residual, bool relu)
    {
        Residual = residual;
        Relu = relu;
    }

    /// <summary>Added element by element, same layout as the output; empty for none.</summary>
    public ReadOnlySpan<float> Residual { get; }

    public bool Relu { get; }

    public bool HasResidual => !Residual.IsEmpty;

    public static ChwEpilogue None => default;

    public static ChwEpilogue ReluOnly => new(default, relu: true);

    /// <summary>The epilogue of output element <paramref name="index"/> (channel x pixels + pixel), one value at a time.</summary>
    public float Apply(float accumulator, int index)
    {
        if (HasResidual)
        {
            accumulator += Residual[index];
        }

        return Relu ? MathF.Max(accumulator, 0f) : accumulator;
    }
}
