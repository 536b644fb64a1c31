using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Kernels.Simd;

namespace BlazeFace.Kernels.Chw;

/// <summary>
/// The CHW 3x3 depthwise convolution vectorised along output rows. Each input row is first copied once into a small
/// zero-bordered scratch row (split into its even and odd columns at stride 2), so the taps of a whole vector of
/// outputs are plain loads at fixed offsets: no bounds checks, no edge cases, the row's edges read the border.
/// </summary>
/// <remarks>
/// <para>
/// At stride s a tap kx of output x reads input column s·x + kx - padLeft. With the scratch rows holding column
/// s·j + q + φ at index j of phase φ (q = -padLeft), that is index x + (kx / s) of phase kx mod s: for s = 1 one row and
/// offsets 0, 1, 2; for s = 2 the even-column row at offsets 0 and 1 and the odd-column row at offset 0.
/// </para>
/// <para>
/// The three scratch rows of an output row are kept in a ring keyed by input row, so each input row is copied once
/// per channel. The last vector of a row is moved back to end at the row's last output, recomputing a few outputs
/// to the same values. Rows narrower than one vector go to <c>narrower</c>.
/// </para>
/// </remarks>
internal sealed class ChwDepthwiseConv2DKernel<TVector, TArith> : IChwDepthwiseConv2DKernel
    where TVector : struct
    where TArith : struct, IVectorArithmetic<TVector>
{
    /// <summary>Longest scratch row the stack holds (in floats); wider maps go to <c>narrower</c>.</summary>
    private const int MaxScratchRow = 1024;

    private readonly IChwDepthwiseConv2DKernel _narrower;

    public ChwDepthwiseConv2DKernel(IChwDepthwiseConv2DKernel narrower)
    {
        _narrower = narrower;
    }

    public float[] Pack(ReadOnlySpan<float> filter1hwc, int channels) => ChwDepthwiseChecks.Pack(filter1hwc, channels);

    public void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, bool relu)
    {
        Conv2DGeometry g = geometry;
        int stride = g.StrideWidth, outWidth = g.Output.Width;

        // A phase row holds the output width plus the taps' reach (two columns at stride 1, one at stride 2).
        int rowLength = outWidth + 3 - stride;
        if (outWidth < TArith.Count || rowLength > MaxScratchRow)
        {
            _narrower.Run(g, input, packedFilter, bias, output, relu);
            return;
        }

        ChwDepthwiseChecks.Check(g, input, packedFilter, bias, output);

        // Three input rows (the window's), each as `stride` phase rows.
        Span<float> ring = stackalloc float[3 * stride * rowLength];
        Span<int> ringRow = stackalloc int[3];
        int inPlane = g.Input.Height * g.Input.Width, outPlane = g.Output.Height * outWidth;
        ref float outputRef = ref MemoryMarshal.GetReference(output);
        for (int c = 0; c < g.Input.Channels; c++)
        {
            ReadOnlySpan<float> plane = input.Slice(c * inPlane, inPlane);
            ReadOnlySpan<float> w = packedFilter.Slice(c * 9, 9);
            TVector w0 = TArith.Broadcast(w[0]), w1 = TArith.Broadcast(w[1]), w2 = TArith.Broadcast(w[2]);
            TVector w3 = TArith.Broadcast(w[3]), w4 = TArith.Broadcast(w[4]), w5 = TArith.Broadcast(w[5]);
            TVector w6 = TArith.Broadcast(w[6]), w7 = TArith.Broadcast(w[7]), w8 = TArith.Broadcast(w[8]);
            TVector b = TArith.Broadcast(bias[c]);
            ringRow.Fill(int.MinValue);
            for (int oy = 0; oy < g.Output.Height; oy++)
            {
                int iy0 = (oy * g.StrideHeight) - g.PadTop;
                ref float r0 = ref ScratchRow(g, plane, ring, ringRow, iy0, rowLength);
                ref float r1 = ref ScratchRow(g, plane, ring, ringRow, iy0 + 1, rowLength);
                ref float r2 = ref ScratchRow(g, plane, ring, ringRow, iy0 + 2, rowLength);
                ref float destination = ref Unsafe.Add(ref outputRef, (c * outPlane) + (oy * outWidth));
                for (int start = 0; start < outWidth; start += TArith.Count)
                {
                    int x = Math.Min(start, outWidth - TArith.Count);
                    TVector acc = stride == 1
                        ? Taps1(ref Unsafe.Add(ref r0, x), w0, w1, w2, Taps1(ref Unsafe.Add(ref r1, x), w3, w4, w5, Taps1(ref Unsafe.Add(ref r2, x), w6, w7, w8, b)))
                        : Taps2(ref Unsafe.Add(ref r0, x), rowLength, w0, w1, w2, Taps2(ref Unsafe.Add(ref r1, x), rowLength, w3, w4, w5, Taps2(ref Unsafe.Add(ref r2, x), rowLength, w6, w7, w8, b)));
                    if (relu)
                    {
                        acc = TArith.Max(acc, TArith.Zero);
                    }

                    TArith.Store(acc, ref Unsafe.Add(ref destination, x));
                }
            }
        }
    }

    /// <summary>One window row at stride 1: taps at offsets 0, 1 and 2 of the scratch row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Taps1(ref float row, TVector wLeft, TVector wMiddle, TVector wRight, TVector acc)
    {
        acc = TArith.MultiplyAdd(TArith.Load(ref row), wLeft, acc);
        acc = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref row, 1)), wMiddle, acc);
        return TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref row, 2)), wRight, acc);
    }

    /// <summary>One window row at stride 2: even phase at offsets 0 and 1, odd phase (one row length on) at offset 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Taps2(ref float even, int rowLength, TVector wLeft, TVector wMiddle, TVector wRight, TVector acc)
    {
        acc = TArith.MultiplyAdd(TArith.Load(ref even), wLeft, acc);
        acc = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref even, rowLength)), wMiddle, acc);
        return TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref even, 1)), wRight, acc);
    }

    /// <summary>
    /// The scratch row of input row <paramref name="iy"/> (zeros outside the image), filled the first time it is
    /// needed: slot iy mod 3 of the ring, phase φ at φ x rowLength holding columns stride·j - padLeft + φ.
    /// </summary>
    private static ref float ScratchRow(in Conv2DGeometry g, ReadOnlySpan<float> plane, Span<float> ring, Span<int> ringRow, int iy, int rowLength)
    {
        int stride = g.StrideWidth;
        int slot = ((iy % 3) + 3) % 3;
        Span<float> phases = ring.Slice(slot * stride * rowLength, stride * rowLength);
        if (ringRow[slot] != iy)
        {
            ringRow[slot] = iy;
            if (iy < 0 || iy >= g.Input.Height)
            {
                phases.Clear();
            }
            else
            {
                ReadOnlySpan<float> source = plane.Slice(iy * g.Input.Width, g.Input.Width);
                for (int phase = 0; phase < stride; phase++)
                {
                    Span<float> row = phases.Slice(phase * rowLength, rowLength);
                    int first = phase - g.PadLeft;
                    if (stride == 1)
                    {
                        // Columns -padLeft .. : a shifted copy with zeros where the window reaches past either edge.
                        row.Clear();
                        int skip = Math.Max(0, -first), take = Math.Min(rowLength - skip, source.Length - (first + skip));
                        source.Slice(first + skip, take).CopyTo(row.Slice(skip, take));
                    }
                    else
                    {
                        for (int j = 0; j < rowLength; j++)
                        {
                            int column = (stride * j) + first;
                            row[j] = column >= 0 && column < source.Length ? source[column] : 0f;
                        }
                    }
                }
            }
        }

        return ref MemoryMarshal.GetReference(phases);
    }
}
