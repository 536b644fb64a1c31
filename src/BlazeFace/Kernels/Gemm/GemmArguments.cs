using System.Runtime.InteropServices;
using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Kernels.Gemm;

/// <summary>The argument checks and <see cref="GemmDestination"/> set-up shared by the GEMM-based convolutions.</summary>
internal static class GemmArguments
{
    /// <summary>Checks every length the micro-kernels rely on, since they index without bounds checks.</summary>
    public static void Check(in GemmFilterLayout layout, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, int outputLength, int pixels, in ConvolutionEpilogue epilogue)
    {
        if (packedFilter.Length != layout.PackedLength)
        {
            throw new ArgumentException($"The packed filter has {packedFilter.Length} values; {layout.OutChannels}x{layout.Depth} packs to {layout.PackedLength}.", nameof(packedFilter));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(bias.Length, layout.OutChannels, nameof(bias));
        ArgumentOutOfRangeException.ThrowIfLessThan(outputLength, pixels * layout.OutChannels, "output");
        if (epilogue.HasResidual)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(epilogue.ResidualChannels, layout.OutChannels, nameof(epilogue));
            ArgumentOutOfRangeException.ThrowIfLessThan(epilogue.Residual.Length, pixels * epilogue.ResidualChannels, nameof(epilogue));
        }
    }

    /// <summary>Raw references to the output, bias and epilogue operands for the micro-kernels.</summary>
    /// <remarks><paramref name="paddedBias"/> is one vector of scratch, used for the bias when the output is narrower than a vector.</remarks>
    public static GemmDestination Destination(in GemmFilterLayout layout, ReadOnlySpan<float> bias, Span<float> paddedBias, Span<float> output, in ConvolutionEpilogue epilogue)
    {
        var destination = new GemmDestination
        {
            Output = ref MemoryMarshal.GetReference(output),
            OutChannels = layout.OutChannels,
            OutputLength = output.Length,
            Bias = ref MemoryMarshal.GetReference(bias),
            Residual = ref MemoryMarshal.GetReference(epilogue.Residual),
            ResidualChannels = epilogue.HasResidual ? epilogue.ResidualChannels : 0,
            ResidualLength = epilogue.Residual.Length,
            Relu = epilogue.Relu,
            Narrow = layout.IsNarrow,
        };
        if (layout.IsNarrow)
        {
            // Paired k-steps add lanes 2j and 2j + 1 at the end, so output j's bias starts in lane 2j alone.
            paddedBias.Clear();
            int spacing = layout.PairsDepth ? 2 : 1;
            for (int j = 0; j < layout.OutChannels; j++)
            {
                paddedBias[j * spacing] = bias[j];
            }

            destination.Bias = ref MemoryMarshal.GetReference(paddedBias);
        }

        return destination;
    }
}
