using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BlazeFace.Kernels.Simd;

namespace BlazeFace.Kernels.Padding;

/// <summary>
/// Channel padding with whole-vector copies. Pixels are written in order and each vector may run past the end of its
/// segment into what is written next, so short channel rows (24, 28, …) need no scalar tails; the last pixels, whose
/// run-over would leave the buffers, are done with exact copies.
/// </summary>
/// <remarks>The fused BlazeBlocks never run this (their epilogue adds only the unpadded channels); layer-by-layer runs do.</remarks>
internal sealed class ChannelPaddingKernel<TVector, TArith> : IChannelPaddingKernel
    where TVector : struct
    where TArith : struct, IVectorArithmetic<TVector>
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(int pixels, int inChannels, int padBefore, int padAfter, ReadOnlySpan<float> input, Span<float> output)
    {
        int outChannels = padBefore + inChannels + padAfter;
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Length, pixels * inChannels, nameof(input));
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, pixels * outChannels, nameof(output));
        ref float source = ref MemoryMarshal.GetReference(input);
        ref float destination = ref MemoryMarshal.GetReference(output);
        int lanes = TArith.Count;
        int p = 0;
        for (; p < pixels && ((p + 1) * inChannels) + lanes <= input.Length && ((p + 1) * outChannels) + lanes <= output.Length; p++)
        {
            ref float src = ref Unsafe.Add(ref source, p * inChannels);
            ref float dst = ref Unsafe.Add(ref destination, p * outChannels);
            for (int i = 0; i < padBefore; i += lanes)
            {
                TArith.Store(TArith.Zero, ref Unsafe.Add(ref dst, i));
            }

            dst = ref Unsafe.Add(ref dst, padBefore);
            for (int i = 0; i < inChannels; i += lanes)
            {
                TArith.Store(TArith.Load(ref Unsafe.Add(ref src, i)), ref Unsafe.Add(ref dst, i));
            }

            dst = ref Unsafe.Add(ref dst, inChannels);
            for (int i = 0; i < padAfter; i += lanes)
            {
                TArith.Store(TArith.Zero, ref Unsafe.Add(ref dst, i));
            }
        }

        for (; p < pixels; p++)
        {
            Span<float> exact = output.Slice(p * outChannels, outChannels);
            exact[..padBefore].Clear();
            input.Slice(p * inChannels, inChannels).CopyTo(exact[padBefore..]);
            exact[(padBefore + inChannels)..].Clear();
        }
    }
}
