using System.Runtime.CompilerServices;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Kernels.Gemm;
using BlazeFace.Kernels.Simd;

namespace BlazeFace.Kernels.Depthwise;

/// <summary>One or two output rows of a 3x3 depthwise convolution, any stride and padding.</summary>
/// <remarks>
/// <para>
/// Per channel vector the nine weights and the bias are loaded once into registers, then the interior columns (whose
/// window lies wholly inside the image row) are computed with no bounds checks, two output pixels per step: their
/// windows share input columns (one of three at stride 2, two at stride 1), so a pair needs 15 or 12 loads instead of
/// 18. At stride 1 two output rows go together as well, sharing two of their three input rows: 16 loads per 2x2
/// outputs instead of 36, which matters because the loop is bound by loads (many of which straddle cache lines).
/// </para>
/// <para>
/// The column whose window starts one column before the row, and the one whose window ends one column after it (the
/// borders of 'same' padding), take an inline two-column path; any other border column takes a clipped loop.
/// </para>
/// </remarks>
internal static class Depthwise3x3Rows<TVector, TArith>
    where TVector : struct
    where TArith : struct, IVectorArithmetic<TVector>
{
    /// <summary>Computes output row <paramref name="oy"/>, and the next one when it can share input rows and is before <paramref name="endRow"/>.</summary>
    /// <returns>The number of rows done: 1 or 2.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Run(in Conv2DGeometry g, scoped ref DepthwiseData data, ref float zeroRow, int oy, int endRow)
    {
        if (g.StrideWidth == 1 && g.StrideHeight == 1 && oy + 1 < endRow)
        {
            if (data.Relu)
            {
                RunTwoRows<ReluActivation>(g, ref data, ref zeroRow, oy);
            }
            else
            {
                RunTwoRows<IdentityActivation>(g, ref data, ref zeroRow, oy);
            }

            return 2;
        }

        if (g.StrideWidth == 1)
        {
            Run<TileExtent1>(g, ref data, ref zeroRow, oy);
        }
        else if (g.StrideWidth == 2)
        {
            Run<TileExtent2>(g, ref data, ref zeroRow, oy);
        }
        else
        {
            RunAnyStride(g, ref data, ref zeroRow, oy);
        }

        return 1;
    }

    /// <summary>Output rows <paramref name="oy"/> and <paramref name="oy"/> + 1 at stride 1, 2x2 outputs per step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunTwoRows<TActivation>(in Conv2DGeometry g, scoped ref DepthwiseData data, ref float zeroRow, int oy)
        where TActivation : struct, IActivation
    {
        int channels = g.Input.Channels, lanes = TArith.Count, vectors = ChannelVectors.Count(channels, lanes);
        int outWidth = g.Output.Width, rowFloats = g.Input.Width * channels;
        int iy0 = oy - g.PadTop;
        ref float row0 = ref RowOrZeros(ref data, ref zeroRow, iy0, g.Input.Height, rowFloats);
        ref float row1 = ref RowOrZeros(ref data, ref zeroRow, iy0 + 1, g.Input.Height, rowFloats);
        ref float row2 = ref RowOrZeros(ref data, ref zeroRow, iy0 + 2, g.Input.Height, rowFloats);
        ref float row3 = ref RowOrZeros(ref data, ref zeroRow, iy0 + 3, g.Input.Height, rowFloats);
        var (interiorLow, interiorHigh) = Interior(g);
        var edges = Edges(g, interiorLow, interiorHigh);
        ref float outputRow0 = ref OutputRow(ref data, oy, outWidth * channels);
        ref float outputRow1 = ref Unsafe.Add(ref outputRow0, outWidth * channels);
        nint c1 = channels, c2 = 2 * channels, c3 = 3 * channels, step = 2 * channels;
        for (int v = 0; v < vectors; v++)
        {
            int c = ChannelVectors.Start(v, channels, lanes);
            if (edges.Left)
            {
                // Column 0 with one column of left padding: window columns 1 and 2 fall on input columns 0 and 1.
                ref float e0 = ref Unsafe.Add(ref row0, c);
                ref float e1 = ref Unsafe.Add(ref row1, c);
                ref float e2 = ref Unsafe.Add(ref row2, c);
                ref float e3 = ref Unsafe.Add(ref row3, c);
                Store<TActivation>(TwoColumns(ref e0, ref e1, ref e2, c1, ref Unsafe.Add(ref data.Filter, c + c1), ref Unsafe.Add(ref data.Bias, c)), ref Unsafe.Add(ref outputRow0, c));
                Store<TActivation>(TwoColumns(ref e1, ref e2, ref e3, c1, ref Unsafe.Add(ref data.Filter, c + c1), ref Unsafe.Add(ref data.Bias, c)), ref Unsafe.Add(ref outputRow1, c));
            }
            else
            {
                for (int ox = 0; ox < interiorLow; ox++)
                {
                    BorderPixel(g, ref data, ref row0, ref row1, ref row2, ref outputRow0, ox, c);
                    BorderPixel(g, ref data, ref row1, ref row2, ref row3, ref outputRow1, ox, c);
                }
            }

            ref float f = ref Unsafe.Add(ref data.Filter, c);
            TVector w0 = TArith.Load(ref f), w1 = TArith.Load(ref Unsafe.Add(ref f, c1)), w2 = TArith.Load(ref Unsafe.Add(ref f, c2));
            TVector w3 = TArith.Load(ref Unsafe.Add(ref f, c3)), w4 = TArith.Load(ref Unsafe.Add(ref f, 4 * c1)), w5 = TArith.Load(ref Unsafe.Add(ref f, 5 * c1));
            TVector w6 = TArith.Load(ref Unsafe.Add(ref f, 6 * c1)), w7 = TArith.Load(ref Unsafe.Add(ref f, 7 * c1)), w8 = TArith.Load(ref Unsafe.Add(ref f, 8 * c1));
            TVector bias = TArith.Load(ref Unsafe.Add(ref data.Bias, c));

            nint offset = ((interiorLow - g.PadLeft) * channels) + c;
            ref float x0 = ref Unsafe.Add(ref row0, offset);
            ref float x1 = ref Unsafe.Add(ref row1, offset);
            ref float x2 = ref Unsafe.Add(ref row2, offset);
            ref float x3 = ref Unsafe.Add(ref row3, offset);
            ref float y0 = ref Unsafe.Add(ref outputRow0, (interiorLow * channels) + c);
            ref float y1 = ref Unsafe.Add(ref outputRow1, (interiorLow * channels) + c);
            int ox2 = interiorLow;
            for (; ox2 + 2 <= interiorHigh; ox2 += 2)
            {
                TwoByTwo<TActivation>(ref x0, ref x1, ref x2, ref x3, ref y0, ref y1, c1, w0, w1, w2, w3, w4, w5, w6, w7, w8, bias);
                x0 = ref Unsafe.Add(ref x0, step);
                x1 = ref Unsafe.Add(ref x1, step);
                x2 = ref Unsafe.Add(ref x2, step);
                x3 = ref Unsafe.Add(ref x3, step);
                y0 = ref Unsafe.Add(ref y0, step);
                y1 = ref Unsafe.Add(ref y1, step);
            }

            int rest = ox2;
            if (rest < interiorHigh)
            {
                // An odd interior column left over: summed exactly as the one-row walk sums it, so a row gets the same
                // bits whether it is computed alone (as at the end of a band of rows) or in a pair.
                Store<TActivation>(OneColumn(ref x0, ref x1, ref x2, c1, w0, w1, w2, w3, w4, w5, w6, w7, w8, bias), ref y0);
                Store<TActivation>(OneColumn(ref x1, ref x2, ref x3, c1, w0, w1, w2, w3, w4, w5, w6, w7, w8, bias), ref y1);
                rest++;
            }

            if (edges.Right && rest == interiorHigh)
            {
                // The last column with one column of right padding: window columns 0 and 1 are the last two of the row.
                nint last = ((g.Input.Width - 2) * channels) + c;
                ref float e0 = ref Unsafe.Add(ref row0, last);
                ref float e1 = ref Unsafe.Add(ref row1, last);
                ref float e2 = ref Unsafe.Add(ref row2, last);
                ref float e3 = ref Unsafe.Add(ref row3, last);
                Store<TActivation>(TwoColumns(ref e0, ref e1, ref e2, c1, ref Unsafe.Add(ref data.Filter, c), ref Unsafe.Add(ref data.Bias, c)), ref Unsafe.Add(ref outputRow0, (rest * channels) + c));
                Store<TActivation>(TwoColumns(ref e1, ref e2, ref e3, c1, ref Unsafe.Add(ref data.Filter, c), ref Unsafe.Add(ref data.Bias, c)), ref Unsafe.Add(ref outputRow1, (rest * channels) + c));
                rest++;
            }

            for (int ox = rest; ox < outWidth; ox++)
            {
                BorderPixel(g, ref data, ref row0, ref row1, ref row2, ref outputRow0, ox, c);
                BorderPixel(g, ref data, ref row1, ref row2, ref row3, ref outputRow1, ox, c);
            }
        }
    }

    /// <summary>Outputs (0, 0), (0, 1), (1, 0) and (1, 1) of a 2x2 block at stride 1: <paramref name="x0"/> to <paramref name="x3"/> are the four input rows at the block's first window column.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TwoByTwo<TActivation>(ref float x0, ref float x1, ref float x2, ref float x3, ref float y0, ref float y1, nint c1, TVector w0, TVector w1, TVector w2, TVector w3, TVector w4, TVector w5, TVector w6, TVector w7, TVector w8, TVector bias)
        where TActivation : struct, IActivation
    {
        // Outputs (row, column) = (0, 0), (0, 1), (1, 0), (1, 1); each sums its three window rows in three
        // separate chains of three, so no chain is longer than three multiply-adds. The weight comes first:
        // with the input (read by two outputs) second, the JIT accumulates in place instead of copying it.
        TVector a0 = TArith.Load(ref x0), a1 = TArith.Load(ref Unsafe.Add(ref x0, c1)), a2 = TArith.Load(ref Unsafe.Add(ref x0, 2 * c1)), a3 = TArith.Load(ref Unsafe.Add(ref x0, 3 * c1));
        TVector s00 = TArith.MultiplyAdd(w2, a2, TArith.MultiplyAdd(w1, a1, TArith.MultiplyAdd(w0, a0, bias)));
        TVector s01 = TArith.MultiplyAdd(w2, a3, TArith.MultiplyAdd(w1, a2, TArith.MultiplyAdd(w0, a1, bias)));

        a0 = TArith.Load(ref x1);
        a1 = TArith.Load(ref Unsafe.Add(ref x1, c1));
        a2 = TArith.Load(ref Unsafe.Add(ref x1, 2 * c1));
        a3 = TArith.Load(ref Unsafe.Add(ref x1, 3 * c1));
        TVector m00 = TArith.MultiplyAdd(w5, a2, TArith.MultiplyAdd(w4, a1, TArith.Multiply(w3, a0)));
        TVector m01 = TArith.MultiplyAdd(w5, a3, TArith.MultiplyAdd(w4, a2, TArith.Multiply(w3, a1)));
        TVector s10 = TArith.MultiplyAdd(w2, a2, TArith.MultiplyAdd(w1, a1, TArith.MultiplyAdd(w0, a0, bias)));
        TVector s11 = TArith.MultiplyAdd(w2, a3, TArith.MultiplyAdd(w1, a2, TArith.MultiplyAdd(w0, a1, bias)));

        a0 = TArith.Load(ref x2);
        a1 = TArith.Load(ref Unsafe.Add(ref x2, c1));
        a2 = TArith.Load(ref Unsafe.Add(ref x2, 2 * c1));
        a3 = TArith.Load(ref Unsafe.Add(ref x2, 3 * c1));
        TVector t00 = TArith.MultiplyAdd(w8, a2, TArith.MultiplyAdd(w7, a1, TArith.Multiply(w6, a0)));
        TVector t01 = TArith.MultiplyAdd(w8, a3, TArith.MultiplyAdd(w7, a2, TArith.Multiply(w6, a1)));
        TVector m10 = TArith.MultiplyAdd(w5, a2, TArith.MultiplyAdd(w4, a1, TArith.Multiply(w3, a0)));
        TVector m11 = TArith.MultiplyAdd(w5, a3, TArith.MultiplyAdd(w4, a2, TArith.Multiply(w3, a1)));
        s00 = TArith.Add(s00, m00);
        s01 = TArith.Add(s01, m01);
        s10 = TArith.Add(s10, m10);
        s11 = TArith.Add(s11, m11);

        a0 = TArith.Load(ref x3);
        a1 = TArith.Load(ref Unsafe.Add(ref x3, c1));
        a2 = TArith.Load(ref Unsafe.Add(ref x3, 2 * c1));
        a3 = TArith.Load(ref Unsafe.Add(ref x3, 3 * c1));
        TVector t10 = TArith.MultiplyAdd(w8, a2, TArith.MultiplyAdd(w7, a1, TArith.Multiply(w6, a0)));
        TVector t11 = TArith.MultiplyAdd(w8, a3, TArith.MultiplyAdd(w7, a2, TArith.Multiply(w6, a1)));

        Store<TActivation>(TArith.Add(s00, t00), ref y0);
        Store<TActivation>(TArith.Add(s01, t01), ref Unsafe.Add(ref y0, c1));
        Store<TActivation>(TArith.Add(s10, t10), ref y1);
        Store<TActivation>(TArith.Add(s11, t11), ref Unsafe.Add(ref y1, c1));
    }

    /// <summary>
    /// One interior output: <paramref name="x0"/> to <paramref name="x2"/> are its window's rows at the first window
    /// column. Each window row sums in its own chain, as every interior path of this class sums it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector OneColumn(ref float x0, ref float x1, ref float x2, nint c1, TVector w0, TVector w1, TVector w2, TVector w3, TVector w4, TVector w5, TVector w6, TVector w7, TVector w8, TVector bias)
    {
        TVector top = TArith.MultiplyAdd(TArith.Load(ref x0), w0, bias);
        TVector middle = TArith.Multiply(TArith.Load(ref x1), w3);
        TVector bottom = TArith.Multiply(TArith.Load(ref x2), w6);
        top = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref x0, c1)), w1, top);
        middle = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref x1, c1)), w4, middle);
        bottom = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref x2, c1)), w7, bottom);
        top = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref x0, 2 * c1)), w2, top);
        middle = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref x1, 2 * c1)), w5, middle);
        bottom = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref x2, 2 * c1)), w8, bottom);
        return TArith.Add(TArith.Add(top, middle), bottom);
    }

    private static void Run<TStride>(in Conv2DGeometry g, scoped ref DepthwiseData data, ref float zeroRow, int oy)
        where TStride : struct, ITileExtent
    {
        if (data.Relu)
        {
            Run<TStride, ReluActivation>(g, ref data, ref zeroRow, oy);
        }
        else
        {
            Run<TStride, IdentityActivation>(g, ref data, ref zeroRow, oy);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run<TStride, TActivation>(in Conv2DGeometry g, scoped ref DepthwiseData data, ref float zeroRow, int oy)
        where TStride : struct, ITileExtent
        where TActivation : struct, IActivation
    {
        int channels = g.Input.Channels, lanes = TArith.Count, vectors = ChannelVectors.Count(channels, lanes);
        int inWidth = g.Input.Width, outWidth = g.Output.Width, stride = TStride.Value;
        int rowFloats = inWidth * channels;

        // Rows outside the image read the zero row, which holds as many floats as an input row.
        int iy0 = (oy * g.StrideHeight) - g.PadTop;
        ref float row0 = ref RowOrZeros(ref data, ref zeroRow, iy0, g.Input.Height, rowFloats);
        ref float row1 = ref RowOrZeros(ref data, ref zeroRow, iy0 + 1, g.Input.Height, rowFloats);
        ref float row2 = ref RowOrZeros(ref data, ref zeroRow, iy0 + 2, g.Input.Height, rowFloats);
        var (interiorLow, interiorHigh) = Interior(g);
        var edges = Edges(g, interiorLow, interiorHigh);

        ref float outputRow = ref OutputRow(ref data, oy, outWidth * channels);
        nint c1 = channels, c2 = 2 * channels, c3 = 3 * channels, c4 = 4 * channels;
        nint inputStep = 2 * stride * channels, outputStep = 2 * channels;
        for (int v = 0; v < vectors; v++)
        {
            int c = ChannelVectors.Start(v, channels, lanes);
            if (edges.Left)
            {
                Store<TActivation>(TwoColumns(ref Unsafe.Add(ref row0, c), ref Unsafe.Add(ref row1, c), ref Unsafe.Add(ref row2, c), c1, ref Unsafe.Add(ref data.Filter, c + c1), ref Unsafe.Add(ref data.Bias, c)), ref Unsafe.Add(ref outputRow, c));
            }
            else
            {
                for (int ox = 0; ox < interiorLow; ox++)
                {
                    BorderPixel(g, ref data, ref row0, ref row1, ref row2, ref outputRow, ox, c);
                }
            }

            ref float f = ref Unsafe.Add(ref data.Filter, c);
            TVector w0 = TArith.Load(ref f), w1 = TArith.Load(ref Unsafe.Add(ref f, c1)), w2 = TArith.Load(ref Unsafe.Add(ref f, c2));
            TVector w3 = TArith.Load(ref Unsafe.Add(ref f, c3)), w4 = TArith.Load(ref Unsafe.Add(ref f, c4)), w5 = TArith.Load(ref Unsafe.Add(ref f, 5 * c1));
            TVector w6 = TArith.Load(ref Unsafe.Add(ref f, 6 * c1)), w7 = TArith.Load(ref Unsafe.Add(ref f, 7 * c1)), w8 = TArith.Load(ref Unsafe.Add(ref f, 8 * c1));
            TVector bias = TArith.Load(ref Unsafe.Add(ref data.Bias, c));

            nint offset = (((interiorLow * stride) - g.PadLeft) * channels) + c;
            ref float x0 = ref Unsafe.Add(ref row0, offset);
            ref float x1 = ref Unsafe.Add(ref row1, offset);
            ref float x2 = ref Unsafe.Add(ref row2, offset);
            ref float y = ref Unsafe.Add(ref outputRow, (interiorLow * channels) + c);
            int ox2 = interiorLow;
            for (; ox2 + 2 <= interiorHigh; ox2 += 2)
            {
                // Columns 0..2 feed the first pixel, columns stride..stride+2 the second.
                TVector a0 = TArith.Load(ref x0), a1 = TArith.Load(ref Unsafe.Add(ref x0, c1)), a2 = TArith.Load(ref Unsafe.Add(ref x0, c2)), a3 = TArith.Load(ref Unsafe.Add(ref x0, c3));
                TVector b0 = TArith.Load(ref x1), b1 = TArith.Load(ref Unsafe.Add(ref x1, c1)), b2 = TArith.Load(ref Unsafe.Add(ref x1, c2)), b3 = TArith.Load(ref Unsafe.Add(ref x1, c3));
                TVector d0 = TArith.Load(ref x2), d1 = TArith.Load(ref Unsafe.Add(ref x2, c1)), d2 = TArith.Load(ref Unsafe.Add(ref x2, c2)), d3 = TArith.Load(ref Unsafe.Add(ref x2, c3));
                TVector top = TArith.MultiplyAdd(a0, w0, bias), middle = TArith.Multiply(b0, w3), bottom = TArith.Multiply(d0, w6);
                top = TArith.MultiplyAdd(a1, w1, top);
                middle = TArith.MultiplyAdd(b1, w4, middle);
                bottom = TArith.MultiplyAdd(d1, w7, bottom);
                top = TArith.MultiplyAdd(a2, w2, top);
                middle = TArith.MultiplyAdd(b2, w5, middle);
                bottom = TArith.MultiplyAdd(d2, w8, bottom);
                Store<TActivation>(TArith.Add(TArith.Add(top, middle), bottom), ref y);

                if (TStride.Value == 1)
                {
                    top = TArith.MultiplyAdd(a1, w0, bias);
                    middle = TArith.Multiply(b1, w3);
                    bottom = TArith.Multiply(d1, w6);
                    top = TArith.MultiplyAdd(a2, w1, top);
                    middle = TArith.MultiplyAdd(b2, w4, middle);
                    bottom = TArith.MultiplyAdd(d2, w7, bottom);
                    top = TArith.MultiplyAdd(a3, w2, top);
                    middle = TArith.MultiplyAdd(b3, w5, middle);
                    bottom = TArith.MultiplyAdd(d3, w8, bottom);
                }
                else
                {
                    top = TArith.MultiplyAdd(a2, w0, bias);
                    middle = TArith.Multiply(b2, w3);
                    bottom = TArith.Multiply(d2, w6);
                    top = TArith.MultiplyAdd(a3, w1, top);
                    middle = TArith.MultiplyAdd(b3, w4, middle);
                    bottom = TArith.MultiplyAdd(d3, w7, bottom);
                    top = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref x0, c4)), w2, top);
                    middle = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref x1, c4)), w5, middle);
                    bottom = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref x2, c4)), w8, bottom);
                }

                Store<TActivation>(TArith.Add(TArith.Add(top, middle), bottom), ref Unsafe.Add(ref y, c1));
                x0 = ref Unsafe.Add(ref x0, inputStep);
                x1 = ref Unsafe.Add(ref x1, inputStep);
                x2 = ref Unsafe.Add(ref x2, inputStep);
                y = ref Unsafe.Add(ref y, outputStep);
            }

            if (ox2 < interiorHigh)
            {
                Store<TActivation>(OneColumn(ref x0, ref x1, ref x2, c1, w0, w1, w2, w3, w4, w5, w6, w7, w8, bias), ref y);
            }

            int rest = interiorHigh;
            if (edges.Right)
            {
                nint last = ((inWidth - 2) * channels) + c;
                Store<TActivation>(TwoColumns(ref Unsafe.Add(ref row0, last), ref Unsafe.Add(ref row1, last), ref Unsafe.Add(ref row2, last), c1, ref Unsafe.Add(ref data.Filter, c), ref Unsafe.Add(ref data.Bias, c)), ref Unsafe.Add(ref outputRow, (rest * channels) + c));
                rest++;
            }

            for (int ox = rest; ox < outWidth; ox++)
            {
                BorderPixel(g, ref data, ref row0, ref row1, ref row2, ref outputRow, ox, c);
            }
        }
    }

    /// <summary>Strides other than 1 and 2: every pixel through the clipped loop.</summary>
    private static void RunAnyStride(in Conv2DGeometry g, scoped ref DepthwiseData data, ref float zeroRow, int oy)
    {
        int channels = g.Input.Channels, lanes = TArith.Count, vectors = ChannelVectors.Count(channels, lanes);
        int iy0 = (oy * g.StrideHeight) - g.PadTop, rowFloats = g.Input.Width * channels;
        ref float row0 = ref RowOrZeros(ref data, ref zeroRow, iy0, g.Input.Height, rowFloats);
        ref float row1 = ref RowOrZeros(ref data, ref zeroRow, iy0 + 1, g.Input.Height, rowFloats);
        ref float row2 = ref RowOrZeros(ref data, ref zeroRow, iy0 + 2, g.Input.Height, rowFloats);
        ref float outputRow = ref OutputRow(ref data, oy, g.Output.Width * channels);
        for (int v = 0; v < vectors; v++)
        {
            int c = ChannelVectors.Start(v, channels, lanes);
            for (int ox = 0; ox < g.Output.Width; ox++)
            {
                BorderPixel(g, ref data, ref row0, ref row1, ref row2, ref outputRow, ox, c);
            }
        }
    }

    /// <summary>Output columns [low, high) whose window [ox * stride - padLeft, + 3) lies inside the image row.</summary>
    private static (int Low, int High) Interior(in Conv2DGeometry g)
    {
        int stride = g.StrideWidth, outWidth = g.Output.Width;
        int low = Math.Min((g.PadLeft + stride - 1) / stride, outWidth);
        int lastStart = g.Input.Width - 3 + g.PadLeft;
        int high = lastStart >= 0 ? Math.Min((lastStart / stride) + 1, outWidth) : 0;
        return (low, Math.Max(high, low));
    }

    /// <summary>
    /// Whether the border columns are the usual ones of 'same' padding, which take the inline two-column path: a single
    /// left column whose window starts one column before the row, and a single right column whose window ends one after.
    /// </summary>
    private static (bool Left, bool Right) Edges(in Conv2DGeometry g, int interiorLow, int interiorHigh)
    {
        bool wide = g.Input.Width >= 2;
        bool left = wide && interiorLow == 1 && g.PadLeft == 1;
        bool right = wide && interiorHigh == g.Output.Width - 1 && (interiorHigh * g.StrideWidth) - g.PadLeft == g.Input.Width - 2;
        return (left, right);
    }

    /// <summary>
    /// A window with two columns inside the row: <paramref name="x0"/> to <paramref name="x2"/> are its rows at the first
    /// inside column, <paramref name="firstTap"/> the weights of the top row's tap that falls there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector TwoColumns(ref float x0, ref float x1, ref float x2, nint c1, ref float firstTap, ref float bias)
    {
        // The filter is [3][3][C]: a window row's taps are C floats apart, its rows 3 C apart.
        ref float t = ref firstTap;
        TVector top = TArith.MultiplyAdd(TArith.Load(ref x0), TArith.Load(ref t), TArith.Load(ref bias));
        top = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref x0, c1)), TArith.Load(ref Unsafe.Add(ref t, c1)), top);
        t = ref Unsafe.Add(ref t, 3 * c1);
        TVector middle = TArith.Multiply(TArith.Load(ref x1), TArith.Load(ref t));
        middle = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref x1, c1)), TArith.Load(ref Unsafe.Add(ref t, c1)), middle);
        t = ref Unsafe.Add(ref t, 3 * c1);
        TVector bottom = TArith.Multiply(TArith.Load(ref x2), TArith.Load(ref t));
        bottom = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref x2, c1)), TArith.Load(ref Unsafe.Add(ref t, c1)), bottom);
        return TArith.Add(TArith.Add(top, middle), bottom);
    }

    /// <summary>A column whose window crosses the left or right edge: only the taps inside the row.</summary>
    private static void BorderPixel(in Conv2DGeometry g, scoped ref DepthwiseData data, ref float row0, ref float row1, ref float row2, ref float outputRow, int ox, int c)
    {
        int channels = g.Input.Channels;
        int ix0 = (ox * g.StrideWidth) - g.PadLeft;
        int kxLow = Math.Max(0, -ix0), kxHigh = Math.Min(3, g.Input.Width - ix0);
        TVector acc = TArith.Load(ref Unsafe.Add(ref data.Bias, c));
        for (int kx = kxLow; kx < kxHigh; kx++)
        {
            int offset = ((ix0 + kx) * channels) + c;
            ref float f = ref Unsafe.Add(ref data.Filter, (kx * channels) + c);
            acc = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref row0, offset)), TArith.Load(ref f), acc);
            acc = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref row1, offset)), TArith.Load(ref Unsafe.Add(ref f, 3 * channels)), acc);
            acc = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref row2, offset)), TArith.Load(ref Unsafe.Add(ref f, 6 * channels)), acc);
        }

        if (data.Relu)
        {
            acc = TArith.Max(acc, TArith.Zero);
        }

        TArith.Store(acc, ref Unsafe.Add(ref outputRow, (ox * channels) + c));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TActivation>(TVector value, ref float destination)
        where TActivation : struct, IActivation =>
        TArith.Store(TActivation.Relu ? TArith.Max(value, TArith.Zero) : value, ref destination);

    /// <summary>Input row <paramref name="iy"/> where the buffer holds it, the zero row above or below the image.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref float RowOrZeros(scoped ref DepthwiseData data, ref float zeroRow, int iy, int height, int rowFloats) =>
        ref (uint)iy < (uint)height ? ref Unsafe.Add(ref data.Input, (iy - data.FirstInputRow) * rowFloats) : ref zeroRow;

    /// <summary>Output row <paramref name="oy"/> of the band in the output buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref float OutputRow(scoped ref DepthwiseData data, int oy, int rowFloats) =>
        ref Unsafe.Add(ref data.Output, (oy - data.FirstOutputRow) * rowFloats);
}
