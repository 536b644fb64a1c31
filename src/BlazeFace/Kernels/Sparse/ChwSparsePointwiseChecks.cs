using BlazeFace.Kernels.Chw;

namespace BlazeFace.Kernels.Sparse;

/// <summary>The argument checks every sparse 1x1 kernel makes once on entry, before walking its spans unchecked.</summary>
internal static class ChwSparsePointwiseChecks
{
    public static void Check(int pixels, SparseFilter filter, ReadOnlySpan<float> input, ReadOnlySpan<float> bias, ReadOnlySpan<float> output, in ChwEpilogue epilogue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixels);
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Length, filter.InChannels * pixels, nameof(input));
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, filter.OutChannels * pixels, nameof(output));
        ArgumentOutOfRangeException.ThrowIfLessThan(bias.Length, filter.OutChannels, nameof(bias));
        if (epilogue.HasResidual)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(epilogue.Residual.Length, filter.OutChannels * pixels, nameof(epilogue));
        }
    }
}
