using System.Runtime.CompilerServices;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Kernels.Simd;

namespace BlazeFace.Kernels.Gemm;

/// <summary>
/// output[p, :] = epilogue(bias + input[p, :] x filter) for a row-major input and a filter packed by
/// <see cref="GemmFilterLayout"/>: the shared core of the pointwise convolution and the direct stem convolution.
/// </summary>
/// <remarks>
/// Pixels are walked in panels; within a panel every column block is computed before the next panel starts, so the
/// panel's input rows stay in L1 while all blocks read them, and the filter is swept once per panel. Panels are a
/// multiple of 24 rows (which divides into the 6- and 8-row tiles)
/// holding about 24 KB of input; a small input (the 6x6x384 maps) is one panel, so its large filter is read once.
/// </remarks>
internal static class GemmKernel<TVector, TArith>
    where TVector : struct
    where TArith : struct, IVectorArithmetic<TVector>
{
    private const int PanelRowMultiple = 24;

    private const int PanelFloats = 6144;

    private const int SinglePanelFloats = 16384;

    /// <param name="rows">Pixels to compute.</param>
    /// <param name="reduction">How each row's reduction lies in <paramref name="input"/>.</param>
    /// <param name="input">Row 0 of the left matrix, which holds at least <paramref name="rows"/> rows.</param>
    /// <param name="inputStride">Floats between consecutive rows of <paramref name="input"/>.</param>
    /// <param name="layout">The filter's layout.</param>
    /// <param name="packedFilter">The filter packed by <paramref name="layout"/>.</param>
    /// <param name="destination">Output and epilogue, indexed from pixel 0.</param>
    /// <param name="firstPixel">The output pixel that input row 0 produces.</param>
    public static void Run(int rows, in GemmInput reduction, ref float input, int inputStride, in GemmFilterLayout layout, ref float packedFilter, scoped ref GemmDestination destination, int firstPixel)
    {
        int direct = Math.Clamp(WholeVectorPixels(ref destination) - firstPixel, 0, rows);
        RunPanels(direct, reduction, ref input, inputStride, layout, ref packedFilter, ref destination, firstPixel);
        if (direct < rows)
        {
            RunThroughScratch(rows - direct, reduction, ref Unsafe.Add(ref input, direct * inputStride), inputStride, layout, ref packedFilter, ref destination, firstPixel + direct);
        }
    }

    /// <summary>
    /// How many leading pixels the micro-kernel's whole-vector epilogue can handle: past them, a residual vector
    /// straddling the residual's last channel, or a narrow output's store, would run off the end of its buffer.
    /// </summary>
    private static int WholeVectorPixels(scoped ref GemmDestination destination)
    {
        int lanes = TArith.Count, safe = int.MaxValue;
        int residualChannels = destination.ResidualChannels;
        if (residualChannels > 0 && residualChannels % lanes != 0)
        {
            // A partial residual vector starts below channel R, so it ends before p * R + R + lanes - 1.
            safe = Math.Max(0, ((destination.ResidualLength - residualChannels - lanes + 1) / residualChannels) + 1);
        }

        if (destination.Narrow)
        {
            safe = Math.Min(safe, Math.Max(0, ((destination.OutputLength - lanes) / destination.OutChannels) + 1));
        }

        return safe;
    }

    /// <summary>
    /// The last few pixels: computed without epilogue into a stack buffer with room for whole vectors, then finished
    /// one value at a time, exactly as <see cref="ConvolutionEpilogue.Apply"/> defines it.
    /// </summary>
    private static void RunThroughScratch(int rows, in GemmInput reduction, ref float input, int inputStride, in GemmFilterLayout layout, ref float packedFilter, scoped ref GemmDestination destination, int firstPixel)
    {
        int outChannels = destination.OutChannels;
        Span<float> scratch = stackalloc float[(rows * outChannels) + TArith.Count];
        scoped GemmDestination raw = destination;
        raw.Output = ref scratch[0];
        raw.OutputLength = scratch.Length;
        raw.ResidualChannels = 0;
        raw.Relu = false;
        raw.PRelu = false;
        RunPanels(rows, reduction, ref input, inputStride, layout, ref packedFilter, ref raw, 0);

        int residualChannels = destination.ResidualChannels;
        for (int row = 0; row < rows; row++)
        {
            int pixel = firstPixel + row;
            for (int c = 0; c < outChannels; c++)
            {
                float value = scratch[(row * outChannels) + c];
                if (c < residualChannels)
                {
                    value += Unsafe.Add(ref destination.Residual, (pixel * residualChannels) + c);
                }

                if (destination.Relu)
                {
                    value = MathF.Max(value, 0f);
                }
                else if (destination.PRelu && value < 0f)
                {
                    value *= Unsafe.Add(ref destination.PReluAlpha, c);
                }

                Unsafe.Add(ref destination.Output, (pixel * outChannels) + c) = value;
            }
        }
    }

    private static void RunPanels(int rows, in GemmInput reduction, ref float input, int inputStride, in GemmFilterLayout layout, ref float packedFilter, scoped ref GemmDestination destination, int firstPixel)
    {
        int lanes = TArith.Count, depth = reduction.Depth;
        int panel = rows * depth <= SinglePanelFloats ? rows : PanelRowMultiple * Math.Max(1, PanelFloats / (PanelRowMultiple * depth));
        for (int panelStart = 0; panelStart < rows; panelStart += panel)
        {
            int panelRows = Math.Min(panel, rows - panelStart);
            ref float panelInput = ref Unsafe.Add(ref input, panelStart * inputStride);
            for (int block = 0; block < layout.BlockCount; block++)
            {
                int firstVector = layout.BlockFirstVector(block);
                int vectors = layout.BlockVectors(block);
                ref float blockWeights = ref Unsafe.Add(ref packedFilter, firstVector * lanes * layout.Steps);
                int firstChannel = layout.ColumnStart(firstVector);
                int lastChannel = layout.ColumnStart(firstVector + vectors - 1);
                int pixel = firstPixel + panelStart;
                if (layout.PairsDepth)
                {
                    Columns<TileExtent1, TileExtent2>(panelRows, reduction, ref panelInput, inputStride, ref blockWeights, ref destination, pixel, firstChannel, lastChannel);
                    continue;
                }

                switch (vectors)
                {
                    case 1:
                        Columns<TileExtent1, TileExtent1>(panelRows, reduction, ref panelInput, inputStride, ref blockWeights, ref destination, pixel, firstChannel, lastChannel);
                        break;
                    case 2:
                        Columns<TileExtent2, TileExtent1>(panelRows, reduction, ref panelInput, inputStride, ref blockWeights, ref destination, pixel, firstChannel, lastChannel);
                        break;
                    case 3:
                        Columns<TileExtent3, TileExtent1>(panelRows, reduction, ref panelInput, inputStride, ref blockWeights, ref destination, pixel, firstChannel, lastChannel);
                        break;
                    default:
                        Columns<TileExtent4, TileExtent1>(panelRows, reduction, ref panelInput, inputStride, ref blockWeights, ref destination, pixel, firstChannel, lastChannel);
                        break;
                }
            }
        }
    }

    /// <summary>All rows of one panel for one column block: full-height tiles, then 4-, 2- and 1-row tiles for the rest.</summary>
    /// <remarks>Full height is 6 rows when the tile would otherwise need more accumulators than there are registers.</remarks>
    /// <remarks><typeparamref name="TStep"/> is 2 when each weight vector holds two k-steps (see <see cref="GemmFilterLayout.PairsDepth"/>).</remarks>
    private static void Columns<TColumns, TStep>(int rows, in GemmInput reduction, ref float input, int inputStride, ref float weights, scoped ref GemmDestination destination, int pixel, int firstChannel, int lastChannel)
        where TColumns : struct, ITileExtent
        where TStep : struct, ITileExtent
    {
        int row = 0;
        if (TColumns.Value == 4 || (TColumns.Value == 2 && !VectorRegisters.Many))
        {
            for (; row + 6 <= rows; row += 6)
            {
                GemmMicroKernel<TVector, TArith>.Tile<TileExtent6, TColumns, TStep>(ref Unsafe.Add(ref input, row * inputStride), inputStride, reduction, ref weights, ref destination, pixel + row, firstChannel, lastChannel);
            }
        }
        else
        {
            for (; row + 8 <= rows; row += 8)
            {
                GemmMicroKernel<TVector, TArith>.Tile<TileExtent8, TColumns, TStep>(ref Unsafe.Add(ref input, row * inputStride), inputStride, reduction, ref weights, ref destination, pixel + row, firstChannel, lastChannel);
            }
        }

        if (rows - row >= 4)
        {
            GemmMicroKernel<TVector, TArith>.Tile<TileExtent4, TColumns, TStep>(ref Unsafe.Add(ref input, row * inputStride), inputStride, reduction, ref weights, ref destination, pixel + row, firstChannel, lastChannel);
            row += 4;
        }

        if (rows - row >= 2)
        {
            GemmMicroKernel<TVector, TArith>.Tile<TileExtent2, TColumns, TStep>(ref Unsafe.Add(ref input, row * inputStride), inputStride, reduction, ref weights, ref destination, pixel + row, firstChannel, lastChannel);
            row += 2;
        }

        if (rows - row >= 1)
        {
            GemmMicroKernel<TVector, TArith>.Tile<TileExtent1, TColumns, TStep>(ref Unsafe.Add(ref input, row * inputStride), inputStride, reduction, ref weights, ref destination, pixel + row, firstChannel, lastChannel);
        }
    }
}
