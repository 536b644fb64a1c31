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

        if (epilogue.HasPRelu)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(epilogue.PReluAlpha.Length, layout.OutChannels, nameof(epilogue));
        }
    }

    /// <summary>Vectors of scratch <see cref="Destination"/> needs: the padded bias and the padded PReLU slopes.</summary>
    public const int NarrowScratchVectors = 2;

    /// <summary>Raw references to the output, bias and epilogue operands for the micro-kernels.</summary>
    /// <remarks>
    /// <paramref name="narrowScratch"/> is two vectors of scratch, used for the bias and the PReLU slopes when the
    /// output is narrower than a vector (<see cref="NarrowScratchVectors"/>).
    /// </remarks>
    public static GemmDestination Destination(in GemmFilterLayout layout, ReadOnlySpan<float> bias, Span<float> narrowScratch, Span<float> output, in ConvolutionEpilogue epilogue)
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
            PRelu = epilogue.HasPRelu,
            PReluAlpha = ref MemoryMarshal.GetReference(epilogue.PReluAlpha),
            Narrow = layout.IsNarrow,
        };
        if (layout.IsNarrow)
        {
            // Paired k-steps add lanes 2j and 2j + 1 at the end, so output j's bias starts in lane 2j alone. The
            // slopes apply after that addition, where output j is lane j.
            Span<float> paddedBias = narrowScratch[..layout.VectorLanes], paddedAlpha = narrowScratch.Slice(layout.VectorLanes, layout.VectorLanes);
            paddedBias.Clear();
            paddedAlpha.Clear();
            int spacing = layout.PairsDepth ? 2 : 1;
            for (int j = 0; j < layout.OutChannels; j++)
            {
                paddedBias[j * spacing] = bias[j];
            }

            destination.Bias = ref MemoryMarshal.GetReference(paddedBias);
            if (epilogue.HasPRelu)
            {
                epilogue.PReluAlpha[..layout.OutChannels].CopyTo(paddedAlpha);
                destination.PReluAlpha = ref MemoryMarshal.GetReference(paddedAlpha);
            }
        }

        return destination;
    }
}
