using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BlazeFace.Kernels.Chw;
using BlazeFace.Kernels.Simd;

namespace BlazeFace.Kernels.Sparse;

/// <summary>
/// The sparse 1x1 convolution vectorised over pixels: for a block of two vectors of pixels, each output channel
/// starts from its bias and adds each nonzero weight times the two vectors of its input channel's plane, one broadcast
/// and two fused multiply-adds per stored weight; zeros cost nothing.
/// </summary>
/// <remarks>
/// Blocks run outermost, so one block of every input plane (channels x two vectors) stays in the L1 cache while every
/// output channel reads from it. The last block is moved back to end at the last pixel, overlapping the one before
/// it: its outputs are recomputed to the same values, and no partial vector is ever loaded or stored. Fewer pixels
/// than one block go to <c>narrower</c>.
/// </remarks>
internal sealed class ChwSparsePointwiseKernel<TVector, TArith> : IChwSparsePointwiseKernel
    where TVector : struct
    where TArith : struct, IVectorArithmetic<TVector>
{
    private readonly IChwSparsePointwiseKernel _narrower;

    public ChwSparsePointwiseKernel(IChwSparsePointwiseKernel narrower)
    {
        _narrower = narrower;
    }

    public void Run(int pixels, SparseFilter filter, ReadOnlySpan<float> input, ReadOnlySpan<float> bias, Span<float> output, in ChwEpilogue epilogue)
    {
        int lanes = TArith.Count, block = 2 * lanes;
        if (pixels < block)
        {
            _narrower.Run(pixels, filter, input, bias, output, epilogue);
            return;
        }

        ChwSparsePointwiseChecks.Check(pixels, filter, input, bias, output, epilogue);
        ref float inputRef = ref MemoryMarshal.GetReference(input);
        ref float outputRef = ref MemoryMarshal.GetReference(output);
        ref float residualRef = ref MemoryMarshal.GetReference(epilogue.Residual);
        ref int rowStarts = ref MemoryMarshal.GetArrayDataReference(filter.RowStarts);
        ref int channels = ref MemoryMarshal.GetArrayDataReference(filter.Channels);
        ref float values = ref MemoryMarshal.GetArrayDataReference(filter.Values);
        bool residual = epilogue.HasResidual, relu = epilogue.Relu;
        for (int start = 0; start < pixels; start += block)
        {
            int p = Math.Min(start, pixels - block);
            ref float inputBlock = ref Unsafe.Add(ref inputRef, p);
            for (int o = 0; o < filter.OutChannels; o++)
            {
                TVector acc0 = TArith.Broadcast(bias[o]);
                TVector acc1 = acc0;
                int end = Unsafe.Add(ref rowStarts, o + 1);
                for (int k = Unsafe.Add(ref rowStarts, o); k < end; k++)
                {
                    TVector w = TArith.Broadcast(Unsafe.Add(ref values, k));
                    ref float x = ref Unsafe.Add(ref inputBlock, (nint)Unsafe.Add(ref channels, k) * pixels);
                    acc0 = TArith.MultiplyAdd(TArith.Load(ref x), w, acc0);
                    acc1 = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref x, lanes)), w, acc1);
                }

                nint at = ((nint)o * pixels) + p;
                if (residual)
                {
                    acc0 = TArith.Add(acc0, TArith.Load(ref Unsafe.Add(ref residualRef, at)));
                    acc1 = TArith.Add(acc1, TArith.Load(ref Unsafe.Add(ref residualRef, at + lanes)));
                }

                if (relu)
                {
                    acc0 = TArith.Max(acc0, TArith.Zero);
                    acc1 = TArith.Max(acc1, TArith.Zero);
                }

                TArith.Store(acc0, ref Unsafe.Add(ref outputRef, at));
                TArith.Store(acc1, ref Unsafe.Add(ref outputRef, at + lanes));
            }
        }
    }
}
