using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BlazeFace.Kernels.Chw;
using BlazeFace.Kernels.Simd;

namespace BlazeFace.Kernels.Sparse;

/// <summary>
/// The sparse 1x1 convolution vectorised over pixels: for a block of pixels, each output channel starts from its bias
/// and adds each nonzero weight times its input channel's vectors of the block, one broadcast and one fused
/// multiply-add per vector per stored weight; zeros cost nothing.
/// </summary>
/// <remarks>
/// <para>
/// Blocks are four vectors wide while four fit, so each stored weight's index and broadcast serve four multiply-adds
/// and each input plane is read in runs of four vectors (what the prefetcher follows across the 8 to 384 planes a
/// block reads); the rest goes in blocks of two vectors, the last moved back to end at the last pixel, overlapping the
/// one before it (its outputs are recomputed to the same values, and no partial vector is ever loaded or stored).
/// Fewer pixels than two vectors go to <c>narrower</c>.
/// </para>
/// <para>
/// Blocks run outermost, so one block of every input plane stays in the L1 cache while every output channel reads from
/// it. A filter with no zeros (a detection head) goes to <see cref="ChwDensePointwise{TVector, TArith}"/>, which
/// shares each loaded vector between four output channels.
/// </para>
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(int pixels, SparseFilter filter, ReadOnlySpan<float> input, ReadOnlySpan<float> bias, Span<float> output, in ChwEpilogue epilogue)
    {
        int lanes = TArith.Count;
        if (pixels < 2 * lanes)
        {
            _narrower.Run(pixels, filter, input, bias, output, epilogue);
            return;
        }

        ChwSparsePointwiseChecks.Check(pixels, filter, input, bias, output, epilogue);
        if (filter.IsDense)
        {
            ChwDensePointwise<TVector, TArith>.Run(pixels, filter, input, bias, output, epilogue);
            return;
        }

        var walk = new Walk(pixels, filter, input, bias, output, epilogue);
        int p = 0;
        for (; p + (4 * lanes) <= pixels; p += 4 * lanes)
        {
            walk.FourVectors(p);
        }

        for (; p < pixels; p += 2 * lanes)
        {
            walk.TwoVectors(Math.Min(p, pixels - (2 * lanes)));
        }
    }

    /// <summary>The kernel's arguments as references, for the two block widths.</summary>
    private readonly ref struct Walk
    {
        private readonly ref float _input;
        private readonly ref float _output;
        private readonly ref float _residual;
        private readonly ref float _bias;
        private readonly ref int _rowStarts;
        private readonly ref int _channels;
        private readonly ref float _values;
        private readonly int _pixels;
        private readonly int _outChannels;
        private readonly bool _hasResidual;
        private readonly bool _relu;

        public Walk(int pixels, SparseFilter filter, ReadOnlySpan<float> input, ReadOnlySpan<float> bias, Span<float> output, in ChwEpilogue epilogue)
        {
            _input = ref MemoryMarshal.GetReference(input);
            _output = ref MemoryMarshal.GetReference(output);
            _residual = ref MemoryMarshal.GetReference(epilogue.Residual);
            _bias = ref MemoryMarshal.GetReference(bias);
            _rowStarts = ref MemoryMarshal.GetArrayDataReference(filter.RowStarts);
            _channels = ref MemoryMarshal.GetArrayDataReference(filter.Channels);
            _values = ref MemoryMarshal.GetArrayDataReference(filter.Values);
            _pixels = pixels;
            _outChannels = filter.OutChannels;
            _hasResidual = epilogue.HasResidual;
            _relu = epilogue.Relu;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void FourVectors(int p)
        {
            int lanes = TArith.Count;
            ref float block = ref Unsafe.Add(ref _input, p);
            for (int o = 0; o < _outChannels; o++)
            {
                TVector acc0 = TArith.Broadcast(Unsafe.Add(ref _bias, o)), acc1 = acc0, acc2 = acc0, acc3 = acc0;
                int end = Unsafe.Add(ref _rowStarts, o + 1);
                for (int k = Unsafe.Add(ref _rowStarts, o); k < end; k++)
                {
                    TVector w = TArith.Broadcast(Unsafe.Add(ref _values, k));
                    ref float x = ref Unsafe.Add(ref block, (nint)Unsafe.Add(ref _channels, k) * _pixels);
                    acc0 = TArith.MultiplyAdd(TArith.Load(ref x), w, acc0);
                    acc1 = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref x, lanes)), w, acc1);
                    acc2 = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref x, 2 * lanes)), w, acc2);
                    acc3 = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref x, 3 * lanes)), w, acc3);
                }

                nint at = ((nint)o * _pixels) + p;
                Store(acc0, at);
                Store(acc1, at + lanes);
                Store(acc2, at + (2 * lanes));
                Store(acc3, at + (3 * lanes));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void TwoVectors(int p)
        {
            int lanes = TArith.Count;
            ref float block = ref Unsafe.Add(ref _input, p);
            for (int o = 0; o < _outChannels; o++)
            {
                TVector acc0 = TArith.Broadcast(Unsafe.Add(ref _bias, o)), acc1 = acc0;
                int end = Unsafe.Add(ref _rowStarts, o + 1);
                for (int k = Unsafe.Add(ref _rowStarts, o); k < end; k++)
                {
                    TVector w = TArith.Broadcast(Unsafe.Add(ref _values, k));
                    ref float x = ref Unsafe.Add(ref block, (nint)Unsafe.Add(ref _channels, k) * _pixels);
                    acc0 = TArith.MultiplyAdd(TArith.Load(ref x), w, acc0);
                    acc1 = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref x, lanes)), w, acc1);
                }

                nint at = ((nint)o * _pixels) + p;
                Store(acc0, at);
                Store(acc1, at + lanes);
            }
        }

        /// <summary>The epilogue (residual, ReLU) and store of one vector of outputs at index <paramref name="at"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Store(TVector acc, nint at)
        {
            if (_hasResidual)
            {
                acc = TArith.Add(acc, TArith.Load(ref Unsafe.Add(ref _residual, at)));
            }

            if (_relu)
            {
                acc = TArith.Max(acc, TArith.Zero);
            }

            TArith.Store(acc, ref Unsafe.Add(ref _output, at));
        }
    }
}
