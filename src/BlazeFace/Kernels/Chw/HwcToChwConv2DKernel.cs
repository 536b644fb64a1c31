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
/// <remarks>The last vector of a row overlaps the one before it; rows narrower than one vector go to <c>narrower</c>.</remarks>
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
                for (int start = 0; start < outWidth; start += TArith.Count)
                {
                    int x = Math.Min(start, outWidth - TArith.Count);
                    TVector acc = WindowRow(ref r0, x, ref w, inChannels, stride, rowLength, b);
                    acc = WindowRow(ref r1, x, ref Unsafe.Add(ref w, 3 * inChannels), inChannels, stride, rowLength, acc);
                    acc = WindowRow(ref r2, x, ref Unsafe.Add(ref w, 6 * inChannels), inChannels, stride, rowLength, acc);
                    if (relu)
                    {
                        acc = TArith.Max(acc, TArith.Zero);
                    }

                    TArith.Store(acc, ref Unsafe.Add(ref destination, x));
                }
            }
        }
    }

    /// <summary>One window row: three taps of every input channel; weights at (kx x inChannels + ic).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector WindowRow(ref float row, int x, ref float w, int inChannels, int stride, int rowLength, TVector acc)
    {
        for (int ic = 0; ic < inChannels; ic++)
        {
            ref float channel = ref Unsafe.Add(ref row, (ic * stride * rowLength) + x);
            for (int kx = 0; kx < 3; kx++)
            {
                // Tap kx reads phase kx mod stride at offset kx / stride (see the CHW depthwise kernel).
                ref float tap = ref Unsafe.Add(ref channel, ((kx % stride) * rowLength) + (kx / stride));
                acc = TArith.MultiplyAdd(TArith.Load(ref tap), TArith.Broadcast(Unsafe.Add(ref w, (kx * inChannels) + ic)), acc);
            }
        }

        return acc;
    }

    /// <summary>Input row <paramref name="iy"/> split by channel and column phase, zeros outside the image; filled once.</summary>
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
                ReadOnlySpan<float> source = input.Slice(iy * g.Input.Width * inChannels, g.Input.Width * inChannels);
                for (int ic = 0; ic < inChannels; ic++)
                {
                    for (int phase = 0; phase < stride; phase++)
                    {
                        Span<float> row = rows.Slice(((ic * stride) + phase) * rowLength, rowLength);
                        for (int j = 0; j < rowLength; j++)
                        {
                            int column = (stride * j) + phase - g.PadLeft;
                            row[j] = column >= 0 && column < g.Input.Width ? source[(column * inChannels) + ic] : 0f;
                        }
                    }
                }
            }
        }

        return ref MemoryMarshal.GetReference(rows);
    }
}
