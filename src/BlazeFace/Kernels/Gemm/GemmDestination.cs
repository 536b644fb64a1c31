namespace BlazeFace.Kernels.Gemm;

/// <summary>
/// Where a GEMM writes and what its epilogue adds, as raw references: the kernel checked every length on entry, so
/// the micro-kernels index without bounds checks.
/// </summary>
internal ref struct GemmDestination
{
    /// <summary>Channel 0 of pixel 0 of the output; pixels are <see cref="OutChannels"/> floats apart.</summary>
    public ref float Output;

    public int OutChannels;

    /// <summary>Floats writable at <see cref="Output"/>.</summary>
    public int OutputLength;

    /// <summary>Channel 0's bias; at least one whole vector long (padded with zeros when the output is narrower).</summary>
    public ref float Bias;

    /// <summary>Channel 0 of pixel 0 of the residual; pixels are <see cref="ResidualChannels"/> floats apart.</summary>
    public ref float Residual;

    public int ResidualChannels;

    /// <summary>Floats readable at <see cref="Residual"/>.</summary>
    public int ResidualLength;

    public bool Relu;

    /// <summary>Whether the epilogue ends in PReLU, with the slopes at <see cref="PReluAlpha"/>.</summary>
    public bool PRelu;

    /// <summary>Channel 0's PReLU slope; at least one whole vector long (padded with zeros when the output is narrower).</summary>
    public ref float PReluAlpha;

    /// <summary>The output has fewer channels than a vector, so each store spills into the next pixel.</summary>
    public bool Narrow;
}
