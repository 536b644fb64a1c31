using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Kernels.Simd;

namespace BlazeFace.Kernels.Chw;

/// <summary>
/// The HWC-to-CHW 3x3 convolution vectorised along output rows, as <see cref="ChwDepthwiseConv2DKernel{TVector, TArith}"/>
/// is: each input row is split once into zero-bordered scratch rows per input channel (and per column parity at
/// stride 2), then every output channel's row is 9 x inputs fused multiply-adds per vector, read at fixed offsets.
/// </summary>
/// <remarks>
/// Two vectors of a row are computed together, so each broadcast weight serves two multiply-adds; the last pair of a
/// row overlaps the one before it. Rows narrower than two vectors go one vector at a time, rows narrower than one
/// vector to <c>narrower</c>.
/// </remarks>
internal sealed class HwcToChwConv2DKernel<TVector, TArith> : IHwcToChwConv2DKernel
    where TVector : struct
    where TArith : struct, IVectorArithmetic<TVector>
{
    private const int MaxScratchRow = 1024;

    private readonly IHwcToChwConv2DKernel _narrower;

    public HwcToChwConv2DKernel(IHwcToChwConv2DKernel narrower)
    {
        _narrower = narrower;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> filterOhwi, ReadOnlySpan<float> bias, Span<float> output, bool relu)
    {
        Conv2DGeometry g = geometry;
        int stride = g.StrideWidth, outWidth = g.Output.Width, inChannels = g.Input.Channels;
        int rowLength = outWidth + 3 - stride;
        if (outWidth < TArith.Count || rowLength > MaxScratchRow)
        {
            _narrower.Run(g, input, filterOhwi, bias, output, relu);
            return;
        }

        HwcToChwChecks.Check(g, input, filterOhwi, bias, output);

        // One input row is inChannels x stride phase rows; the window's three rows sit in a ring by row.
        int rowFloats = inChannels * stride * rowLength;
        Span<float> ring = stackalloc float[3 * rowFloats];
        Span<int> ringRow = stackalloc int[3];
        ringRow.Fill(int.MinValue);
        int outPlane = g.Output.Height * outWidth;
        ref float outputRef = ref MemoryMarshal.GetReference(output);
        ref float filter = ref MemoryMarshal.GetReference(filterOhwi);

        // Tap kx reads phase kx mod stride at offset kx / stride (see the CHW depthwise kernel), worked out once here:
        // a division in the tap loop costs more than the multiply-adds it feeds.
        int tap1 = ((1 % stride) * rowLength) + (1 / stride), tap2 = ((2 % stride) * rowLength) + (2 / stride);
        int channelStride = stride * rowLength, lanes = TArith.Count;
        bool pairs = outWidth >= 2 * lanes;
        for (int oy = 0; oy < g.Output.Height; oy++)
        {
            int iy0 = (oy * g.StrideHeight) - g.PadTop;
            ref float r0 = ref ScratchRow(g, input, ring, ringRow, iy0, rowLength, rowFloats);
            ref float r1 = ref ScratchRow(g, input, ring, ringRow, iy0 + 1, rowLength, rowFloats);
            ref float r2 = ref ScratchRow(g, input, ring, ringRow, iy0 + 2, rowLength, rowFloats);
            for (int oc = 0; oc < g.Output.Channels; oc++)
            {
                ref float w = ref Unsafe.Add(ref filter, oc * 9 * inChannels);
                TVector b = TArith.Broadcast(bias[oc]);
                ref float destination = ref Unsafe.Add(ref outputRef, (oc * outPlane) + (oy * outWidth));
                int step = pairs ? 2 * lanes : lanes;
                for (int start = 0; start < outWidth; start += step)
                {
                    int x = Math.Min(start, outWidth - step);
                    TVector acc0 = b, acc1 = b;
                    if (inChannels == 3 && pairs)
                    {
                        // A network's first layer (RGB): every tap unrolled, offsets known to the compiler.
                        WindowRowOfThree(ref Unsafe.Add(ref r0, x), ref w, tap1, tap2, channelStride, ref acc0, ref acc1);
                        WindowRowOfThree(ref Unsafe.Add(ref r1, x), ref Unsafe.Add(ref w, 9), tap1, tap2, channelStride, ref acc0, ref acc1);
                        WindowRowOfThree(ref Unsafe.Add(ref r2, x), ref Unsafe.Add(ref w, 18), tap1, tap2, channelStride, ref acc0, ref acc1);
                    }
                    else
                    {
                        for (int ky = 0; ky < 3; ky++)
                        {
                            ref float row = ref Unsafe.Add(ref ky == 0 ? ref r0 : ref ky == 1 ? ref r1 : ref r2, x);
                            ref float wRow = ref Unsafe.Add(ref w, ky * 3 * inChannels);
                            for (int ic = 0; ic < inChannels; ic++)
                            {
                                ref float channel = ref Unsafe.Add(ref row, ic * channelStride);
                                TVector wLeft = TArith.Broadcast(Unsafe.Add(ref wRow, ic));
                                TVector wMiddle = TArith.Broadcast(Unsafe.Add(ref wRow, inChannels + ic));
                                TVector wRight = TArith.Broadcast(Unsafe.Add(ref wRow, (2 * inChannels) + ic));
                                acc0 = TArith.MultiplyAdd(TArith.Load(ref channel), wLeft, acc0);
                                acc0 = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref channel, tap1)), wMiddle, acc0);
                                acc0 = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref channel, tap2)), wRight, acc0);
                                if (pairs)
                                {
                                    acc1 = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref channel, lanes)), wLeft, acc1);
                                    acc1 = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref channel, tap1 + lanes)), wMiddle, acc1);
                                    acc1 = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref channel, tap2 + lanes)), wRight, acc1);
                                }
                            }
                        }
                    }

                    if (relu)
                    {
                        acc0 = TArith.Max(acc0, TArith.Zero);
                        acc1 = TArith.Max(acc1, TArith.Zero);
                    }

                    TArith.Store(acc0, ref Unsafe.Add(ref destination, x));
                    if (pairs)
                    {
                        TArith.Store(acc1, ref Unsafe.Add(ref destination, x + lanes));
                    }
                }
            }
        }
    }

    /// <summary>One window row of a three-channel input for two vectors of outputs: 9 weights (OHWI: kx, then channel), 18 multiply-adds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WindowRowOfThree(ref float row, ref float w, int tap1, int tap2, int channelStride, ref TVector acc0, ref TVector acc1)
    {
        Channel(ref row, Unsafe.Add(ref w, 0), Unsafe.Add(ref w, 3), Unsafe.Add(ref w, 6), tap1, tap2, ref acc0, ref acc1);
        Channel(ref Unsafe.Add(ref row, channelStride), Unsafe.Add(ref w, 1), Unsafe.Add(ref w, 4), Unsafe.Add(ref w, 7), tap1, tap2, ref acc0, ref acc1);
        Channel(ref Unsafe.Add(ref row, 2 * channelStride), Unsafe.Add(ref w, 2), Unsafe.Add(ref w, 5), Unsafe.Add(ref w, 8), tap1, tap2, ref acc0, ref acc1);
    }

    /// <summary>Three taps of one channel's scratch row for two vectors of outputs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Channel(ref float channel, float left, float middle, float right, int tap1, int tap2, ref TVector acc0, ref TVector acc1)
    {
        int lanes = TArith.Count;
        TVector w = TArith.Broadcast(left);
        acc0 = TArith.MultiplyAdd(TArith.Load(ref channel), w, acc0);
        acc1 = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref channel, lanes)), w, acc1);
        w = TArith.Broadcast(middle);
        acc0 = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref channel, tap1)), w, acc0);
        acc1 = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref channel, tap1 + lanes)), w, acc1);
        w = TArith.Broadcast(right);
        acc0 = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref channel, tap2)), w, acc0);
        acc1 = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref channel, tap2 + lanes)), w, acc1);
    }

    /// <summary>Input row <paramref name="iy"/> split by channel and column phase, zeros outside the image; filled once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ref float ScratchRow(in Conv2DGeometry g, ReadOnlySpan<float> input, Span<float> ring, Span<int> ringRow, int iy, int rowLength, int rowFloats)
    {
        int stride = g.StrideWidth, inChannels = g.Input.Channels;
        int slot = ((iy % 3) + 3) % 3;
        Span<float> rows = ring.Slice(slot * rowFloats, rowFloats);
        if (ringRow[slot] != iy)
        {
            ringRow[slot] = iy;
            if (iy < 0 || iy >= g.Input.Height)
            {
                rows.Clear();
            }
            else
            {
                // The cells whose column lies inside the image are copied by a plain strided walk; the few on either
                // side stay zero (the ring slot is cleared first, as its previous row may have filled them).
                rows.Clear();
                ref float source = ref Unsafe.Add(ref MemoryMarshal.GetReference(input), iy * g.Input.Width * inChannels);
                for (int ic = 0; ic < inChannels; ic++)
                {
                    for (int phase = 0; phase < stride; phase++)
                    {
                        ref float row = ref Unsafe.Add(ref MemoryMarshal.GetReference(rows), ((ic * stride) + phase) * rowLength);
                        int offset = phase - g.PadLeft;
                        int first = Math.Max(0, (-offset + stride - 1) / stride);
                        int end = Math.Min(rowLength, (g.Input.Width - offset + stride - 1) / stride);
                        int step = stride * inChannels;
                        nint at = (((stride * first) + offset) * inChannels) + ic;
                        for (int j = first; j < end; j++, at += step)
                        {
                            Unsafe.Add(ref row, j) = Unsafe.Add(ref source, at);
                        }
                    }
                }
            }
        }

        return ref MemoryMarshal.GetReference(rows);
    }
}
