namespace BlazeFace.Kernels.Elementwise;

/// <summary>The argument checks both PReLU kernels make before touching memory.</summary>
internal static class PReluArguments
{
    /// <param name="input">The input tensor.</param>
    /// <param name="packedAlphaLength">Floats in the packed slopes.</param>
    /// <param name="channels">Channels per pixel.</param>
    /// <param name="output">The output tensor.</param>
    /// <param name="minPackedAlpha">Floats the kernel's packing needs, at least <paramref name="channels"/>.</param>
    public static void Check(ReadOnlySpan<float> input, int packedAlphaLength, int channels, ReadOnlySpan<float> output, int minPackedAlpha = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfLessThan(packedAlphaLength, Math.Max(channels, minPackedAlpha), "packedAlpha");
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Length, output.Length, nameof(input));
        if (output.Length % channels != 0)
        {
            throw new ArgumentException($"The output's {output.Length} floats are not whole pixels of {channels} channels.", nameof(output));
        }

        // In place is fine (each element is read before it is written); a shifted overlap would read results.
        if (input.Overlaps(output, out int offset) && offset != 0)
        {
            throw new ArgumentException("The output overlaps the input without being the same memory.", nameof(output));
        }
    }
}
