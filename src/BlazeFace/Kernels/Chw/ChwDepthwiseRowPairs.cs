using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Kernels.Simd;

namespace BlazeFace.Kernels.Chw;

/// <summary>
/// The CHW 3x3 depthwise convolution at stride 1 with a one-pixel zero border (output as large as the input), read in
/// place: two output rows at a time from four input rows, so each loaded vector serves both rows (12 loads for 18
/// multiply-adds instead of 18).
/// </summary>
/// <remarks>
/// <para>
/// A vector of outputs starting at column x reads columns x - 1 to x + lanes of three rows: plain unaligned loads at
/// offsets -1, 0 and +1. Vectors start from column 1 and the last one is moved back to end at column width - 2, so no
/// load leaves the row; columns 0 and width - 1, where the window hangs over the border, are computed one by one.
/// Rows above and below the plane read a row of zeros.
/// </para>
/// <para>No scratch copy of the input is made, which is what makes this path worth having beside the phase planes.</para>
/// </remarks>
internal static class ChwDepthwiseRowPairs<TVector, TArith>
    where TVector : struct
    where TArith : struct, IVectorArithmetic<TVector>
{
    // Rows of at least three vectors: on narrower ones the two scalar edge columns per row cost more than the phase
    // planes' copies (measured on 24x24 and 48x48 planes with 16-lane vectors).

    /// <summary>Widest row the stack's row of zeros covers.</summary>
    private const int MaxWidth = 4096;

    public static bool Takes(in Conv2DGeometry g) =>
        g.StrideWidth == 1 && g.StrideHeight == 1 && g.PadTop == 1 && g.PadLeft == 1
        && g.Output.Width == g.Input.Width && g.Output.Height == g.Input.Height
        && g.Input.Width >= 3 * TArith.Count && g.Input.Width <= MaxWidth;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(in Conv2DGeometry g, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, bool relu)
    {
        int width = g.Input.Width, height = g.Input.Height, plane = width * height;
        Span<float> zeros = stackalloc float[width];
        ref float zeroRow = ref MemoryMarshal.GetReference(zeros);
        ref float inputRef = ref MemoryMarshal.GetReference(input);
        ref float outputRef = ref MemoryMarshal.GetReference(output);
        for (int c = 0; c < g.Input.Channels; c++)
        {
            ref float source = ref Unsafe.Add(ref inputRef, c * plane);
            ref float destination = ref Unsafe.Add(ref outputRef, c * plane);
            ReadOnlySpan<float> taps = packedFilter.Slice(c * 9, 9);
            TVector w0 = TArith.Broadcast(taps[0]), w1 = TArith.Broadcast(taps[1]), w2 = TArith.Broadcast(taps[2]);
            TVector w3 = TArith.Broadcast(taps[3]), w4 = TArith.Broadcast(taps[4]), w5 = TArith.Broadcast(taps[5]);
            TVector w6 = TArith.Broadcast(taps[6]), w7 = TArith.Broadcast(taps[7]), w8 = TArith.Broadcast(taps[8]);
            TVector b = TArith.Broadcast(bias[c]);
            for (int oy = 0; oy < height; oy += 2)
            {
                ref float above = ref oy > 0 ? ref Unsafe.Add(ref source, (oy - 1) * width) : ref zeroRow;
                ref float first = ref Unsafe.Add(ref source, oy * width);
                ref float second = ref oy + 1 < height ? ref Unsafe.Add(ref source, (oy + 1) * width) : ref zeroRow;
                ref float below = ref oy + 2 < height ? ref Unsafe.Add(ref source, (oy + 2) * width) : ref zeroRow;
                ref float out0 = ref Unsafe.Add(ref destination, oy * width);

                // With an odd height the last pair's second row would lie below the plane: it is not written.
                bool both = oy + 1 < height;
                ref float out1 = ref both ? ref Unsafe.Add(ref out0, width) : ref out0;
                for (int start = 1; start < width - 1; start += TArith.Count)
                {
                    int x = Math.Min(start, width - 1 - TArith.Count);
                    ref float r0 = ref Unsafe.Add(ref above, x - 1);
                    ref float r1 = ref Unsafe.Add(ref first, x - 1);
                    ref float r2 = ref Unsafe.Add(ref second, x - 1);
                    ref float r3 = ref Unsafe.Add(ref below, x - 1);

                    // Row r1 and r2 serve both outputs: the top row's middle and bottom taps, the bottom row's top and middle.
                    TVector top = TArith.MultiplyAdd(TArith.Load(ref r0), w0, b);
                    top = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref r0, 1)), w1, top);
                    top = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref r0, 2)), w2, top);
                    TVector left = TArith.Load(ref r1), middle = TArith.Load(ref Unsafe.Add(ref r1, 1)), right = TArith.Load(ref Unsafe.Add(ref r1, 2));
                    top = TArith.MultiplyAdd(left, w3, top);
                    top = TArith.MultiplyAdd(middle, w4, top);
                    top = TArith.MultiplyAdd(right, w5, top);
                    TVector bottom = TArith.MultiplyAdd(left, w0, b);
                    bottom = TArith.MultiplyAdd(middle, w1, bottom);
                    bottom = TArith.MultiplyAdd(right, w2, bottom);
                    left = TArith.Load(ref r2);
                    middle = TArith.Load(ref Unsafe.Add(ref r2, 1));
                    right = TArith.Load(ref Unsafe.Add(ref r2, 2));
                    top = TArith.MultiplyAdd(left, w6, top);
                    top = TArith.MultiplyAdd(middle, w7, top);
                    top = TArith.MultiplyAdd(right, w8, top);
                    bottom = TArith.MultiplyAdd(left, w3, bottom);
                    bottom = TArith.MultiplyAdd(middle, w4, bottom);
                    bottom = TArith.MultiplyAdd(right, w5, bottom);
                    bottom = TArith.MultiplyAdd(TArith.Load(ref r3), w6, bottom);
                    bottom = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref r3, 1)), w7, bottom);
                    bottom = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref r3, 2)), w8, bottom);
                    if (relu)
                    {
                        top = TArith.Max(top, TArith.Zero);
                        bottom = TArith.Max(bottom, TArith.Zero);
                    }

                    if (both)
                    {
                        TArith.Store(bottom, ref Unsafe.Add(ref out1, x));
                    }

                    TArith.Store(top, ref Unsafe.Add(ref out0, x));
                }

                Edges(taps, bias[c], relu, ref above, ref first, ref second, width, ref out0);
                if (both)
                {
                    Edges(taps, bias[c], relu, ref first, ref second, ref below, width, ref out1);
                }
            }
        }
    }

    /// <summary>
    /// Columns 0 and width - 1 of one output row from its three input rows, the taps over the border left out;
    /// multiplied and added apart, as the scalar twin does (a software fused multiply-add would cost more than the
    /// row where the CPU has none).
    /// </summary>
    private static void Edges(ReadOnlySpan<float> w, float bias, bool relu, ref float r0, ref float r1, ref float r2, int width, ref float output)
    {
        int last = width - 1;
        float left = bias + (w[1] * r0) + (w[2] * Unsafe.Add(ref r0, 1)) + (w[4] * r1) + (w[5] * Unsafe.Add(ref r1, 1)) + (w[7] * r2) + (w[8] * Unsafe.Add(ref r2, 1));
        float right = bias + (w[0] * Unsafe.Add(ref r0, last - 1)) + (w[1] * Unsafe.Add(ref r0, last)) + (w[3] * Unsafe.Add(ref r1, last - 1))
            + (w[4] * Unsafe.Add(ref r1, last)) + (w[6] * Unsafe.Add(ref r2, last - 1)) + (w[7] * Unsafe.Add(ref r2, last));
        output = relu ? MathF.Max(left, 0f) : left;
        Unsafe.Add(ref output, last) = relu ? MathF.Max(right, 0f) : right;
    }
}
