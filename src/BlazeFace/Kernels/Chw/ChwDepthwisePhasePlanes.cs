using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Kernels.Simd;

namespace BlazeFace.Kernels.Chw;

/// <summary>
/// The CHW 3x3 depthwise convolution of any stride-1 or stride-2 shape: each channel's plane is copied into zero-bordered
/// phase planes (one at stride 1; four at stride 2, by row and column parity), over which every tap is a plain offset,
/// so the whole plane is one run of vectors however narrow its rows.
/// </summary>
/// <remarks>
/// <para>
/// At stride s output (y, x) reads padded input (s·y + ky, s·x + kx), which is phase (ky mod s, kx mod s) at
/// (y + ky / s, x + kx / s). Phases are Wq = Wo + 2 / s columns wide, so with i = y·Wq + x every tap reads index
/// i + (ky / s)·Wq + kx / s of its phase: the outputs are computed for i from 0 to Ho·Wq, the Wq - Wo columns past
/// each row's end being thrown away when the rows are copied out.
/// </para>
/// <para>
/// The scratch is on the stack and zeroed once per call; only cells inside the input are ever written, so the border
/// stays zero for every channel. A vector past a phase's end reads the next phase or the zeroed slack: values that
/// only reach thrown-away columns.
/// </para>
/// </remarks>
internal static class ChwDepthwisePhasePlanes<TVector, TArith>
    where TVector : struct
    where TArith : struct, IVectorArithmetic<TVector>
{
    /// <summary>Scratch the stack holds, in floats (64 KB): phases and staged outputs of a 48x48 plane at stride 1, of a 96x96 input at stride 2.</summary>
    private const int MaxScratch = 16 * 1024;

    public static bool Takes(in Conv2DGeometry g) =>
        g.StrideWidth == g.StrideHeight && g.StrideWidth is 1 or 2
        && g.Output.Height * PhaseWidth(g) >= TArith.Count
        && ScratchLength(g) <= MaxScratch;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(in Conv2DGeometry g, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, bool relu)
    {
        int stride = g.StrideWidth, phaseWidth = PhaseWidth(g), phaseLength = PhaseHeight(g) * phaseWidth;
        int outWidth = g.Output.Width, outHeight = g.Output.Height, runLength = outHeight * phaseWidth;
        Span<float> scratch = stackalloc float[ScratchLength(g)];
        Span<float> phases = scratch[..((stride * stride * phaseLength) + TArith.Count)];
        Span<float> staged = scratch[phases.Length..];

        // Where tap (ky, kx) reads, relative to the output's index in the run.
        Span<int> taps = stackalloc int[9];
        for (int ky = 0; ky < 3; ky++)
        {
            for (int kx = 0; kx < 3; kx++)
            {
                taps[(ky * 3) + kx] = ((((ky % stride) * stride) + (kx % stride)) * phaseLength) + ((ky / stride) * phaseWidth) + (kx / stride);
            }
        }

        int inPlane = g.Input.Height * g.Input.Width, outPlane = outHeight * outWidth;
        ref float phase = ref MemoryMarshal.GetReference(phases);
        ref float run = ref MemoryMarshal.GetReference(staged);
        (int t0, int t1, int t2, int t3, int t4, int t5, int t6, int t7, int t8) = (taps[0], taps[1], taps[2], taps[3], taps[4], taps[5], taps[6], taps[7], taps[8]);
        for (int c = 0; c < g.Input.Channels; c++)
        {
            Scatter(g, input.Slice(c * inPlane, inPlane), phases, phaseWidth, phaseLength);
            ReadOnlySpan<float> w = packedFilter.Slice(c * 9, 9);
            TVector w0 = TArith.Broadcast(w[0]), w1 = TArith.Broadcast(w[1]), w2 = TArith.Broadcast(w[2]);
            TVector w3 = TArith.Broadcast(w[3]), w4 = TArith.Broadcast(w[4]), w5 = TArith.Broadcast(w[5]);
            TVector w6 = TArith.Broadcast(w[6]), w7 = TArith.Broadcast(w[7]), w8 = TArith.Broadcast(w[8]);
            TVector b = TArith.Broadcast(bias[c]);
            for (int start = 0; start < runLength; start += TArith.Count)
            {
                int i = Math.Min(start, runLength - TArith.Count);
                ref float at = ref Unsafe.Add(ref phase, i);
                TVector acc = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref at, t0)), w0, b);
                acc = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref at, t1)), w1, acc);
                acc = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref at, t2)), w2, acc);
                acc = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref at, t3)), w3, acc);
                acc = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref at, t4)), w4, acc);
                acc = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref at, t5)), w5, acc);
                acc = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref at, t6)), w6, acc);
                acc = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref at, t7)), w7, acc);
                acc = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref at, t8)), w8, acc);
                if (relu)
                {
                    acc = TArith.Max(acc, TArith.Zero);
                }

                TArith.Store(acc, ref Unsafe.Add(ref run, i));
            }

            ref float destination = ref Unsafe.Add(ref MemoryMarshal.GetReference(output), c * outPlane);
            for (int y = 0; y < outHeight; y++)
            {
                RowCopy.Copy(ref Unsafe.Add(ref run, y * phaseWidth), ref Unsafe.Add(ref destination, y * outWidth), outWidth);
            }
        }
    }

    private static int PhaseWidth(in Conv2DGeometry g) => g.Output.Width + (2 / g.StrideWidth);

    private static int PhaseHeight(in Conv2DGeometry g) => g.Output.Height + (2 / g.StrideHeight);

    private static int ScratchLength(in Conv2DGeometry g)
    {
        int stride = g.StrideWidth;
        long phases = ((long)stride * stride * PhaseHeight(g) * PhaseWidth(g)) + TArith.Count;
        long staged = ((long)g.Output.Height * PhaseWidth(g)) + TArith.Count;
        return (int)Math.Min(phases + staged, int.MaxValue);
    }

    /// <summary>Copies one input plane into the phases: padded cell (py, px) to phase (py mod s, px mod s) at (py / s, px / s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scatter(in Conv2DGeometry g, ReadOnlySpan<float> plane, Span<float> phases, int phaseWidth, int phaseLength)
    {
        int stride = g.StrideWidth, phaseHeight = phaseLength / phaseWidth, width = g.Input.Width;

        // Input columns whose padded column falls inside the phases (the rest are never read).
        int firstColumn = Math.Max(0, -g.PadLeft), endColumn = Math.Min(width, (stride * phaseWidth) - g.PadLeft);
        for (int iy = Math.Max(0, -g.PadTop); iy < g.Input.Height; iy++)
        {
            int py = iy + g.PadTop;
            if (py / stride >= phaseHeight)
            {
                break;
            }

            ReadOnlySpan<float> row = plane.Slice(iy * width, width);
            Span<float> phaseRows = phases.Slice((py % stride) * stride * phaseLength);
            int rowStart = (py / stride) * phaseWidth;
            if (stride == 1)
            {
                RowCopy.Copy(ref Unsafe.Add(ref MemoryMarshal.GetReference(row), firstColumn), ref Unsafe.Add(ref MemoryMarshal.GetReference(phaseRows), rowStart + firstColumn + g.PadLeft), endColumn - firstColumn);
                continue;
            }

            // Column parity alternates: from the first column of even padded index, each pair of vectors splits into a
            // vector of the even phase and one of the odd; the columns before and after go one by one.
            ref float source = ref MemoryMarshal.GetReference(row);
            ref float even = ref Unsafe.Add(ref MemoryMarshal.GetReference(phaseRows), rowStart);
            ref float odd = ref Unsafe.Add(ref even, phaseLength);
            int ix = firstColumn;
            if (((ix + g.PadLeft) & 1) != 0 && ix < endColumn)
            {
                Unsafe.Add(ref odd, (ix + g.PadLeft) >> 1) = Unsafe.Add(ref source, ix);
                ix++;
            }

            for (; ix + (2 * TArith.Count) <= endColumn; ix += 2 * TArith.Count)
            {
                TArith.Deinterleave(TArith.Load(ref Unsafe.Add(ref source, ix)), TArith.Load(ref Unsafe.Add(ref source, ix + TArith.Count)), out TVector evens, out TVector odds);
                int j = (ix + g.PadLeft) >> 1;
                TArith.Store(evens, ref Unsafe.Add(ref even, j));
                TArith.Store(odds, ref Unsafe.Add(ref odd, j));
            }

            // Rows narrower than two of the kernel's vectors still split by 4-lane vectors.
            for (; Vector128.IsHardwareAccelerated && ix + 8 <= endColumn; ix += 8)
            {
                Vector128Arithmetic.Deinterleave(Vector128.LoadUnsafe(ref Unsafe.Add(ref source, ix)), Vector128.LoadUnsafe(ref Unsafe.Add(ref source, ix + 4)), out Vector128<float> evens, out Vector128<float> odds);
                int j = (ix + g.PadLeft) >> 1;
                evens.StoreUnsafe(ref Unsafe.Add(ref even, j));
                odds.StoreUnsafe(ref Unsafe.Add(ref odd, j));
            }

            for (; ix < endColumn; ix++)
            {
                int px = ix + g.PadLeft;
                Unsafe.Add(ref (px & 1) == 0 ? ref even : ref odd, px >> 1) = Unsafe.Add(ref source, ix);
            }
        }
    }
}
