using System.Runtime.CompilerServices;
using BlazeFace.Kernels.Simd;

namespace BlazeFace.Kernels.Gemm;

/// <summary>
/// The register-blocked inner product of the GEMM: a tile of <c>TRows</c> pixels by <c>TColumns</c> output vectors is
/// accumulated in registers over the whole depth, then the epilogue (bias was the initial value; residual add, ReLU or PReLU)
/// runs on the registers and each vector is stored once.
/// </summary>
/// <remarks>
/// <para>
/// Each k-step loads the block's weight vectors once and broadcasts one input value per row, so it issues
/// rows x columns FMAs for rows + columns loads. With 32 vector registers, 6x4 and 8x3 tiles hold 24 accumulators,
/// enough independent FMAs to cover the FMA latency on both pipes while leaving registers for the weights (8x2 and 8x1
/// serve narrower blocks); with 16 (SSE, AVX2) blocks are at most 2 vectors wide and 6x2 and 8x1 tiles hold 12 and 8
/// (see <see cref="VectorRegisters"/>).
/// </para>
/// <para>
/// The accumulators are spelled out as separate locals (aRC = row R, column C) guarded by the compile-time extents:
/// the JIT keeps plain locals in registers, whereas a per-row struct of vectors was written back to the stack on
/// every k-step.
/// </para>
/// </remarks>
internal static class GemmMicroKernel<TVector, TArith>
    where TVector : struct
    where TArith : struct, IVectorArithmetic<TVector>
{
    /// <summary>Computes rows [<paramref name="pixel"/>, + TRows) of one column block.</summary>
    /// <typeparam name="TRows">Pixels in the tile (1 to 8).</typeparam>
    /// <typeparam name="TColumns">Output vectors in the tile (1 to 4).</typeparam>
    /// <typeparam name="TStep">k-steps per weight vector: 1, or 2 with <see cref="GemmFilterLayout.PairsDepth"/>.</typeparam>
    /// <param name="input">Row <paramref name="pixel"/> of the left matrix.</param>
    /// <param name="inputStride">Floats between consecutive rows of <paramref name="input"/>.</param>
    /// <param name="reduction">
    /// How each row's reduction is laid out: <see cref="GemmInput.Segments"/> runs of <see cref="GemmInput.SegmentLength"/>
    /// contiguous floats, <see cref="GemmInput.SegmentPitch"/> apart (one run for a 1x1 convolution; one per window row
    /// for a direct convolution, whose window rows lie in different image rows).
    /// </param>
    /// <param name="weights">The column block's packed weights, [segments x segment length][TColumns x lanes].</param>
    /// <param name="destination">Output, bias and epilogue.</param>
    /// <param name="pixel">Index of the tile's first row in the output.</param>
    /// <param name="firstChannel">Output channel of the block's first vector.</param>
    /// <param name="lastChannel">Output channel of the block's last vector (shifted back at the end of the output).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile<TRows, TColumns, TStep>(ref float input, int inputStride, in GemmInput reduction, ref float weights, scoped ref GemmDestination destination, int pixel, int firstChannel, int lastChannel)
        where TRows : struct, ITileExtent
        where TColumns : struct, ITileExtent
        where TStep : struct, ITileExtent
    {
        int lanes = TArith.Count;
        int width = TColumns.Value * lanes;
        int channel0 = firstChannel;
        int channel1 = TColumns.Value == 2 ? lastChannel : firstChannel + lanes;
        int channel2 = TColumns.Value == 3 ? lastChannel : firstChannel + (2 * lanes);
        int channel3 = lastChannel;

        TVector bias0 = TArith.Load(ref Unsafe.Add(ref destination.Bias, channel0));
        TVector bias1 = TColumns.Value > 1 ? TArith.Load(ref Unsafe.Add(ref destination.Bias, channel1)) : default;
        TVector bias2 = TColumns.Value > 2 ? TArith.Load(ref Unsafe.Add(ref destination.Bias, channel2)) : default;
        TVector bias3 = TColumns.Value > 3 ? TArith.Load(ref Unsafe.Add(ref destination.Bias, channel3)) : default;
        TVector a00 = bias0, a01 = bias1, a02 = bias2, a03 = bias3;
        TVector a10 = bias0, a11 = bias1, a12 = bias2, a13 = bias3;
        TVector a20 = bias0, a21 = bias1, a22 = bias2, a23 = bias3;
        TVector a30 = bias0, a31 = bias1, a32 = bias2, a33 = bias3;
        TVector a40 = bias0, a41 = bias1, a42 = bias2, a43 = bias3;
        TVector a50 = bias0, a51 = bias1, a52 = bias2, a53 = bias3;
        TVector a60 = bias0, a61 = bias1, a62 = bias2, a63 = bias3;
        TVector a70 = bias0, a71 = bias1, a72 = bias2, a73 = bias3;

        ref float x0 = ref input;
        ref float x1 = ref TRows.Value > 1 ? ref Unsafe.Add(ref input, 1 * inputStride) : ref input;
        ref float x2 = ref TRows.Value > 2 ? ref Unsafe.Add(ref input, 2 * inputStride) : ref input;
        ref float x3 = ref TRows.Value > 3 ? ref Unsafe.Add(ref input, 3 * inputStride) : ref input;
        ref float x4 = ref TRows.Value > 4 ? ref Unsafe.Add(ref input, 4 * inputStride) : ref input;
        ref float x5 = ref TRows.Value > 5 ? ref Unsafe.Add(ref input, 5 * inputStride) : ref input;
        ref float x6 = ref TRows.Value > 6 ? ref Unsafe.Add(ref input, 6 * inputStride) : ref input;
        ref float x7 = ref TRows.Value > 7 ? ref Unsafe.Add(ref input, 7 * inputStride) : ref input;

        ref float w = ref weights;
        int steps = reduction.SegmentLength / TStep.Value;
        nint pitch = reduction.SegmentPitch;
        for (int segment = 0; segment < reduction.Segments; segment++)
        {
            for (nint k = 0; k < steps; k++)
            {
                TVector w0 = TArith.Load(ref w);
                TVector w1 = TColumns.Value > 1 ? TArith.Load(ref Unsafe.Add(ref w, 1 * lanes)) : default;
                TVector w2 = TColumns.Value > 2 ? TArith.Load(ref Unsafe.Add(ref w, 2 * lanes)) : default;
                TVector w3 = TColumns.Value > 3 ? TArith.Load(ref Unsafe.Add(ref w, 3 * lanes)) : default;
                w = ref Unsafe.Add(ref w, width);

                TVector x = Input<TStep>(ref x0, k);
                a00 = TArith.MultiplyAdd(x, w0, a00);
                if (TColumns.Value > 1)
                {
                    a01 = TArith.MultiplyAdd(x, w1, a01);
                }

                if (TColumns.Value > 2)
                {
                    a02 = TArith.MultiplyAdd(x, w2, a02);
                }

                if (TColumns.Value > 3)
                {
                    a03 = TArith.MultiplyAdd(x, w3, a03);
                }

                if (TRows.Value > 1)
                {
                    x = Input<TStep>(ref x1, k);
                    a10 = TArith.MultiplyAdd(x, w0, a10);
                    if (TColumns.Value > 1)
                    {
                        a11 = TArith.MultiplyAdd(x, w1, a11);
                    }

                    if (TColumns.Value > 2)
                    {
                        a12 = TArith.MultiplyAdd(x, w2, a12);
                    }

                    if (TColumns.Value > 3)
                    {
                        a13 = TArith.MultiplyAdd(x, w3, a13);
                    }
                }

                if (TRows.Value > 2)
                {
                    x = Input<TStep>(ref x2, k);
                    a20 = TArith.MultiplyAdd(x, w0, a20);
                    if (TColumns.Value > 1)
                    {
                        a21 = TArith.MultiplyAdd(x, w1, a21);
                    }

                    if (TColumns.Value > 2)
                    {
                        a22 = TArith.MultiplyAdd(x, w2, a22);
                    }

                    if (TColumns.Value > 3)
                    {
                        a23 = TArith.MultiplyAdd(x, w3, a23);
                    }
                }

                if (TRows.Value > 3)
                {
                    x = Input<TStep>(ref x3, k);
                    a30 = TArith.MultiplyAdd(x, w0, a30);
                    if (TColumns.Value > 1)
                    {
                        a31 = TArith.MultiplyAdd(x, w1, a31);
                    }

                    if (TColumns.Value > 2)
                    {
                        a32 = TArith.MultiplyAdd(x, w2, a32);
                    }

                    if (TColumns.Value > 3)
                    {
                        a33 = TArith.MultiplyAdd(x, w3, a33);
                    }
                }

                if (TRows.Value > 4)
                {
                    x = Input<TStep>(ref x4, k);
                    a40 = TArith.MultiplyAdd(x, w0, a40);
                    if (TColumns.Value > 1)
                    {
                        a41 = TArith.MultiplyAdd(x, w1, a41);
                    }

                    if (TColumns.Value > 2)
                    {
                        a42 = TArith.MultiplyAdd(x, w2, a42);
                    }

                    if (TColumns.Value > 3)
                    {
                        a43 = TArith.MultiplyAdd(x, w3, a43);
                    }
                }

                if (TRows.Value > 5)
                {
                    x = Input<TStep>(ref x5, k);
                    a50 = TArith.MultiplyAdd(x, w0, a50);
                    if (TColumns.Value > 1)
                    {
                        a51 = TArith.MultiplyAdd(x, w1, a51);
                    }

                    if (TColumns.Value > 2)
                    {
                        a52 = TArith.MultiplyAdd(x, w2, a52);
                    }

                    if (TColumns.Value > 3)
                    {
                        a53 = TArith.MultiplyAdd(x, w3, a53);
                    }
                }

                if (TRows.Value > 6)
                {
                    x = Input<TStep>(ref x6, k);
                    a60 = TArith.MultiplyAdd(x, w0, a60);
                    if (TColumns.Value > 1)
                    {
                        a61 = TArith.MultiplyAdd(x, w1, a61);
                    }

                    if (TColumns.Value > 2)
                    {
                        a62 = TArith.MultiplyAdd(x, w2, a62);
                    }

                    if (TColumns.Value > 3)
                    {
                        a63 = TArith.MultiplyAdd(x, w3, a63);
                    }
                }

                if (TRows.Value > 7)
                {
                    x = Input<TStep>(ref x7, k);
                    a70 = TArith.MultiplyAdd(x, w0, a70);
                    if (TColumns.Value > 1)
                    {
                        a71 = TArith.MultiplyAdd(x, w1, a71);
                    }

                    if (TColumns.Value > 2)
                    {
                        a72 = TArith.MultiplyAdd(x, w2, a72);
                    }

                    if (TColumns.Value > 3)
                    {
                        a73 = TArith.MultiplyAdd(x, w3, a73);
                    }
                }
            }

            x0 = ref Unsafe.Add(ref x0, pitch);
            x1 = ref Unsafe.Add(ref x1, pitch);
            x2 = ref Unsafe.Add(ref x2, pitch);
            x3 = ref Unsafe.Add(ref x3, pitch);
            x4 = ref Unsafe.Add(ref x4, pitch);
            x5 = ref Unsafe.Add(ref x5, pitch);
            x6 = ref Unsafe.Add(ref x6, pitch);
            x7 = ref Unsafe.Add(ref x7, pitch);
        }

        Store<TStep>(a00, ref destination, pixel, channel0);
        if (TColumns.Value > 1)
        {
            Store<TStep>(a01, ref destination, pixel, channel1);
        }

        if (TColumns.Value > 2)
        {
            Store<TStep>(a02, ref destination, pixel, channel2);
        }

        if (TColumns.Value > 3)
        {
            Store<TStep>(a03, ref destination, pixel, channel3);
        }

        if (TRows.Value > 1)
        {
            Store<TStep>(a10, ref destination, pixel + 1, channel0);
            if (TColumns.Value > 1)
            {
                Store<TStep>(a11, ref destination, pixel + 1, channel1);
            }

            if (TColumns.Value > 2)
            {
                Store<TStep>(a12, ref destination, pixel + 1, channel2);
            }

            if (TColumns.Value > 3)
            {
                Store<TStep>(a13, ref destination, pixel + 1, channel3);
            }
        }

        if (TRows.Value > 2)
        {
            Store<TStep>(a20, ref destination, pixel + 2, channel0);
            if (TColumns.Value > 1)
            {
                Store<TStep>(a21, ref destination, pixel + 2, channel1);
            }

            if (TColumns.Value > 2)
            {
                Store<TStep>(a22, ref destination, pixel + 2, channel2);
            }

            if (TColumns.Value > 3)
            {
                Store<TStep>(a23, ref destination, pixel + 2, channel3);
            }
        }

        if (TRows.Value > 3)
        {
            Store<TStep>(a30, ref destination, pixel + 3, channel0);
            if (TColumns.Value > 1)
            {
                Store<TStep>(a31, ref destination, pixel + 3, channel1);
            }

            if (TColumns.Value > 2)
            {
                Store<TStep>(a32, ref destination, pixel + 3, channel2);
            }

            if (TColumns.Value > 3)
            {
                Store<TStep>(a33, ref destination, pixel + 3, channel3);
            }
        }

        if (TRows.Value > 4)
        {
            Store<TStep>(a40, ref destination, pixel + 4, channel0);
            if (TColumns.Value > 1)
            {
                Store<TStep>(a41, ref destination, pixel + 4, channel1);
            }

            if (TColumns.Value > 2)
            {
                Store<TStep>(a42, ref destination, pixel + 4, channel2);
            }

            if (TColumns.Value > 3)
            {
                Store<TStep>(a43, ref destination, pixel + 4, channel3);
            }
        }

        if (TRows.Value > 5)
        {
            Store<TStep>(a50, ref destination, pixel + 5, channel0);
            if (TColumns.Value > 1)
            {
                Store<TStep>(a51, ref destination, pixel + 5, channel1);
            }

            if (TColumns.Value > 2)
            {
                Store<TStep>(a52, ref destination, pixel + 5, channel2);
            }

            if (TColumns.Value > 3)
            {
                Store<TStep>(a53, ref destination, pixel + 5, channel3);
            }
        }

        if (TRows.Value > 6)
        {
            Store<TStep>(a60, ref destination, pixel + 6, channel0);
            if (TColumns.Value > 1)
            {
                Store<TStep>(a61, ref destination, pixel + 6, channel1);
            }

            if (TColumns.Value > 2)
            {
                Store<TStep>(a62, ref destination, pixel + 6, channel2);
            }

            if (TColumns.Value > 3)
            {
                Store<TStep>(a63, ref destination, pixel + 6, channel3);
            }
        }

        if (TRows.Value > 7)
        {
            Store<TStep>(a70, ref destination, pixel + 7, channel0);
            if (TColumns.Value > 1)
            {
                Store<TStep>(a71, ref destination, pixel + 7, channel1);
            }

            if (TColumns.Value > 2)
            {
                Store<TStep>(a72, ref destination, pixel + 7, channel2);
            }

            if (TColumns.Value > 3)
            {
                Store<TStep>(a73, ref destination, pixel + 7, channel3);
            }
        }
    }

    /// <summary>The input broadcast of k-step <paramref name="k"/>: one value, or a pair when two k-steps share a vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Input<TStep>(ref float row, nint k)
        where TStep : struct, ITileExtent =>
        TStep.Value == 2 ? TArith.BroadcastPair(ref Unsafe.Add(ref row, 2 * k)) : TArith.Broadcast(Unsafe.Add(ref row, k));

    /// <summary>Applies the epilogue to one accumulator vector and stores it.</summary>
    /// <remarks>
    /// Every access is a whole vector: a residual vector that straddles the residual's last channel also reads the
    /// next pixel's first channels, which the mask discards, and a narrow output's store spills into the next pixel,
    /// which that pixel's own store overwrites later. <see cref="GemmKernel{TVector, TArith}"/> keeps the last pixels,
    /// where either would leave its buffer, out of this path. Nothing here may call out of line: the accumulators of
    /// later rows are still live, and a call would make the JIT spill them on every k-step.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TStep>(TVector accumulator, scoped ref GemmDestination destination, int pixel, int channel)
        where TStep : struct, ITileExtent
    {
        if (TStep.Value == 2)
        {
            accumulator = TArith.AddAdjacentPairs(accumulator);
        }

        int residualLanes = destination.ResidualChannels - channel;
        if (residualLanes > 0)
        {
            TVector residual = TArith.Load(ref Unsafe.Add(ref destination.Residual, (pixel * destination.ResidualChannels) + channel));
            if (residualLanes < TArith.Count)
            {
                residual = TArith.KeepLanesBelow(residual, residualLanes);
            }

            accumulator = TArith.Add(accumulator, residual);
        }

        if (destination.Relu)
        {
            accumulator = TArith.Max(accumulator, TArith.Zero);
        }
        else if (destination.PRelu)
        {
            accumulator = TArith.PRelu(accumulator, TArith.Load(ref Unsafe.Add(ref destination.PReluAlpha, channel)));
        }

        TArith.Store(accumulator, ref Unsafe.Add(ref destination.Output, (pixel * destination.OutChannels) + channel));
    }
}
