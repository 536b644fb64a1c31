using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BlazeFace.Kernels.Chw;
using BlazeFace.Kernels.Simd;

namespace BlazeFace.Kernels.Sparse;

/// <summary>
/// The CHW 1x1 convolution of a filter with no zeros: four output channels and two vectors of pixels at a time, so
/// each input vector loaded serves four multiply-adds (the sparse walk loads one per multiply-add, which is what
/// bounds it on a dense filter).
/// </summary>
/// <remarks>Output channels past the last group of four go one at a time; the caller guarantees at least two vectors of pixels.</remarks>
internal static class ChwDensePointwise<TVector, TArith>
    where TVector : struct
    where TArith : struct, IVectorArithmetic<TVector>
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int pixels, SparseFilter filter, ReadOnlySpan<float> input, ReadOnlySpan<float> bias, Span<float> output, in ChwEpilogue epilogue)
    {
        int lanes = TArith.Count, block = 2 * lanes, inChannels = filter.InChannels, outChannels = filter.OutChannels;
        ref float inputRef = ref MemoryMarshal.GetReference(input);
        ref float outputRef = ref MemoryMarshal.GetReference(output);
        ref float residualRef = ref MemoryMarshal.GetReference(epilogue.Residual);
        ref float weights = ref MemoryMarshal.GetArrayDataReference(filter.Values);
        ref float biasRef = ref MemoryMarshal.GetReference(bias);
        bool residual = epilogue.HasResidual, relu = epilogue.Relu;
        for (int start = 0; start < pixels; start += block)
        {
            int p = Math.Min(start, pixels - block);
            ref float inputBlock = ref Unsafe.Add(ref inputRef, p);
            int o = 0;
            for (; o + 4 <= outChannels; o += 4)
            {
                ref float w = ref Unsafe.Add(ref weights, o * inChannels);
                TVector a0 = TArith.Broadcast(Unsafe.Add(ref biasRef, o)), b0 = a0;
                TVector a1 = TArith.Broadcast(Unsafe.Add(ref biasRef, o + 1)), b1 = a1;
                TVector a2 = TArith.Broadcast(Unsafe.Add(ref biasRef, o + 2)), b2 = a2;
                TVector a3 = TArith.Broadcast(Unsafe.Add(ref biasRef, o + 3)), b3 = a3;
                for (int i = 0; i < inChannels; i++)
                {
                    ref float x = ref Unsafe.Add(ref inputBlock, (nint)i * pixels);
                    TVector x0 = TArith.Load(ref x), x1 = TArith.Load(ref Unsafe.Add(ref x, lanes));
                    TVector w0 = TArith.Broadcast(Unsafe.Add(ref w, i));
                    a0 = TArith.MultiplyAdd(x0, w0, a0);
                    b0 = TArith.MultiplyAdd(x1, w0, b0);
                    TVector w1 = TArith.Broadcast(Unsafe.Add(ref w, inChannels + i));
                    a1 = TArith.MultiplyAdd(x0, w1, a1);
                    b1 = TArith.MultiplyAdd(x1, w1, b1);
                    TVector w2 = TArith.Broadcast(Unsafe.Add(ref w, (2 * inChannels) + i));
                    a2 = TArith.MultiplyAdd(x0, w2, a2);
                    b2 = TArith.MultiplyAdd(x1, w2, b2);
                    TVector w3 = TArith.Broadcast(Unsafe.Add(ref w, (3 * inChannels) + i));
                    a3 = TArith.MultiplyAdd(x0, w3, a3);
                    b3 = TArith.MultiplyAdd(x1, w3, b3);
                }

                Finish(a0, b0, o, pixels, p, residual, relu, ref residualRef, ref outputRef);
                Finish(a1, b1, o + 1, pixels, p, residual, relu, ref residualRef, ref outputRef);
                Finish(a2, b2, o + 2, pixels, p, residual, relu, ref residualRef, ref outputRef);
                Finish(a3, b3, o + 3, pixels, p, residual, relu, ref residualRef, ref outputRef);
            }

            for (; o < outChannels; o++)
            {
                ref float w = ref Unsafe.Add(ref weights, o * inChannels);
                TVector a = TArith.Broadcast(Unsafe.Add(ref biasRef, o)), b = a;
                for (int i = 0; i < inChannels; i++)
                {
                    ref float x = ref Unsafe.Add(ref inputBlock, (nint)i * pixels);
                    TVector wi = TArith.Broadcast(Unsafe.Add(ref w, i));
                    a = TArith.MultiplyAdd(TArith.Load(ref x), wi, a);
                    b = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref x, lanes)), wi, b);
                }

                Finish(a, b, o, pixels, p, residual, relu, ref residualRef, ref outputRef);
            }
        }
    }

    /// <summary>The epilogue and store of one output channel's two vectors at pixel <paramref name="p"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(TVector first, TVector second, int channel, int pixels, int p, bool residual, bool relu, ref float residualRef, ref float outputRef)
    {
        nint at = ((nint)channel * pixels) + p;
        if (residual)
        {
            first = TArith.Add(first, TArith.Load(ref Unsafe.Add(ref residualRef, at)));
            second = TArith.Add(second, TArith.Load(ref Unsafe.Add(ref residualRef, at + TArith.Count)));
        }

        if (relu)
        {
            first = TArith.Max(first, TArith.Zero);
            second = TArith.Max(second, TArith.Zero);
        }

        TArith.Store(first, ref Unsafe.Add(ref outputRef, at));
        TArith.Store(second, ref Unsafe.Add(ref outputRef, at + TArith.Count));
    }
}
