using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Kernels.Simd;

namespace BlazeFace.Kernels.Pooling;

/// <summary>
/// Max pooling vectorised over channels. The BlazeBlocks' pools are 2x2 windows at stride 2 with no leading padding:
/// every window inside the input takes four unchecked loads per channel vector; only the last row and column of an
/// odd-sized input (whose windows are cut by the trailing padding), and any other window shape, take the loop with
/// the window clipped per row and per column.
/// </summary>
internal sealed class MaxPool2DKernel<TVector, TArith> : IMaxPool2DKernel
    where TVector : struct
    where TArith : struct, IVectorArithmetic<TVector>
{
    private readonly IMaxPool2DKernel _narrower;

    public MaxPool2DKernel(IMaxPool2DKernel narrower)
    {
        _narrower = narrower;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RunRows(in Conv2DGeometry geometry, in RowBand band, ReadOnlySpan<float> input, Span<float> output)
    {
        int channels = geometry.Input.Channels, lanes = TArith.Count;
        if (channels < lanes)
        {
            _narrower.RunRows(geometry, band, input, output);
            return;
        }

        ArgumentOutOfRangeException.ThrowIfNotEqual(geometry.Output.Channels, channels, nameof(geometry));
        RowBand.Check(geometry, band, input.Length, output.Length);
        if (band.OutputRows == 0)
        {
            return;
        }

        ref float source = ref MemoryMarshal.GetReference(input);
        ref float destination = ref MemoryMarshal.GetReference(output);
        var (fullRows, fullColumns) = geometry is { KernelHeight: 2, KernelWidth: 2, StrideHeight: 2, StrideWidth: 2, PadTop: 0, PadLeft: 0 }
            ? (Math.Min(geometry.Input.Height / 2, geometry.Output.Height), Math.Min(geometry.Input.Width / 2, geometry.Output.Width))
            : (0, 0);
        for (int oy = band.FirstOutputRow; oy < band.EndOutputRow; oy++)
        {
            int ox = 0;
            if (oy < fullRows)
            {
                Row2x2(geometry, band, ref source, ref destination, oy, fullColumns);
                ox = fullColumns;
            }

            for (; ox < geometry.Output.Width; ox++)
            {
                ClippedPixel(geometry, band, ref source, ref destination, oy, ox);
            }
        }
    }

    /// <summary>
    /// Output pixels [0, <paramref name="columns"/>) of row <paramref name="oy"/>, each the maximum of a whole 2x2 window;
    /// <paramref name="source"/> and <paramref name="destination"/> start at <paramref name="band"/>'s first rows.
    /// </summary>
    private static void Row2x2(in Conv2DGeometry g, in RowBand band, ref float source, ref float destination, int oy, int columns)
    {
        int channels = g.Input.Channels, lanes = TArith.Count, vectors = ChannelVectors.Count(channels, lanes);
        nint rowFloats = g.Input.Width * channels;
        ref float top = ref Unsafe.Add(ref source, ((2 * oy) - band.FirstInputRow) * rowFloats);
        ref float pixelOut = ref Unsafe.Add(ref destination, (oy - band.FirstOutputRow) * g.Output.Width * channels);
        for (int ox = 0; ox < columns; ox++)
        {
            for (int v = 0; v < vectors; v++)
            {
                nint c = ChannelVectors.Start(v, channels, lanes);
                ref float x = ref Unsafe.Add(ref top, c);
                TVector upper = TArith.Max(TArith.Load(ref x), TArith.Load(ref Unsafe.Add(ref x, channels)));
                TVector lower = TArith.Max(TArith.Load(ref Unsafe.Add(ref x, rowFloats)), TArith.Load(ref Unsafe.Add(ref x, rowFloats + channels)));
                TArith.Store(TArith.Max(upper, lower), ref Unsafe.Add(ref pixelOut, c));
            }

            top = ref Unsafe.Add(ref top, 2 * channels);
            pixelOut = ref Unsafe.Add(ref pixelOut, channels);
        }
    }

    /// <summary>
    /// One output pixel of any window, clipped to the input per row and per column; <paramref name="source"/> and
    /// <paramref name="destination"/> start at <paramref name="band"/>'s first rows.
    /// </summary>
    private static void ClippedPixel(in Conv2DGeometry g, in RowBand band, ref float source, ref float destination, int oy, int ox)
    {
        int channels = g.Input.Channels, lanes = TArith.Count, vectors = ChannelVectors.Count(channels, lanes);
        int iy0 = (oy * g.StrideHeight) - g.PadTop;
        int kyLow = Math.Max(0, -iy0), kyHigh = Math.Min(g.KernelHeight, g.Input.Height - iy0);
        int ix0 = (ox * g.StrideWidth) - g.PadLeft;
        int kxLow = Math.Max(0, -ix0), kxHigh = Math.Min(g.KernelWidth, g.Input.Width - ix0);
        ref float pixelOut = ref Unsafe.Add(ref destination, (((oy - band.FirstOutputRow) * g.Output.Width) + ox) * channels);
        for (int v = 0; v < vectors; v++)
        {
            int c = ChannelVectors.Start(v, channels, lanes);
            TVector max = TArith.Broadcast(float.NegativeInfinity);
            for (int ky = kyLow; ky < kyHigh; ky++)
            {
                ref float inputRow = ref Unsafe.Add(ref source, (((iy0 + ky - band.FirstInputRow) * g.Input.Width) + ix0) * channels);
                for (int kx = kxLow; kx < kxHigh; kx++)
                {
                    max = TArith.Max(max, TArith.Load(ref Unsafe.Add(ref inputRow, (kx * channels) + c)));
                }
            }

            TArith.Store(max, ref Unsafe.Add(ref pixelOut, c));
        }
    }
}
