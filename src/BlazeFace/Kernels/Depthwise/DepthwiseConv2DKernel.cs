using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Kernels.Simd;

namespace BlazeFace.Kernels.Depthwise;

/// <summary>
/// Depthwise convolution vectorised over channels. 3x3 windows (every BlazeBlock, stride 1 or 2) take a path with the
/// nine taps' weights held in registers and no bounds checks in the interior; other sizes take a general loop.
/// </summary>
/// <remarks>
/// <para>
/// The 3x3 path walks the output one or two rows at a time (see <see cref="Depthwise3x3Rows{TVector, TArith}"/>). Input
/// rows above or below the image are replaced by a stack row of zeros (0 x w adds nothing), so top and bottom rows
/// need no special case; only the columns whose window crosses the left or right edge (one or two per row) take the
/// border path with a clipped tap range.
/// </para>
/// <para>
/// The weights keep TFLite's 1 x KH x KW x C layout: a vector of channels [c, c + lanes) of tap t is already
/// contiguous at t * C + c. Fewer channels than one vector go to <c>narrower</c>.
/// </para>
/// </remarks>
internal sealed class DepthwiseConv2DKernel<TVector, TArith> : IDepthwiseConv2DKernel
    where TVector : struct
    where TArith : struct, IVectorArithmetic<TVector>
{
    /// <summary>Longest input row (width x channels) the zero-row stack buffer covers: 32 KB.</summary>
    private const int MaxZeroRowFloats = 8192;

    private readonly IDepthwiseConv2DKernel _narrower;

    public DepthwiseConv2DKernel(IDepthwiseConv2DKernel narrower)
    {
        _narrower = narrower;
    }

    public float[] Pack(ReadOnlySpan<float> filter1hwc, int kernelHeight, int kernelWidth, int channels) =>
        channels < TArith.Count ? _narrower.Pack(filter1hwc, kernelHeight, kernelWidth, channels) : filter1hwc.ToArray();

    public void RunRows(in Conv2DGeometry geometry, in RowBand band, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, bool relu)
    {
        int channels = geometry.Input.Channels;
        if (channels < TArith.Count)
        {
            _narrower.RunRows(geometry, band, input, packedFilter, bias, output, relu);
            return;
        }

        ArgumentOutOfRangeException.ThrowIfNotEqual(geometry.Output.Channels, channels, nameof(geometry));
        RowBand.Check(geometry, band, input.Length, output.Length);
        ArgumentOutOfRangeException.ThrowIfNotEqual(packedFilter.Length, geometry.KernelHeight * geometry.KernelWidth * channels, nameof(packedFilter));
        ArgumentOutOfRangeException.ThrowIfLessThan(bias.Length, channels, nameof(bias));
        if (band.OutputRows == 0)
        {
            return;
        }

        var data = new DepthwiseData(
            ref MemoryMarshal.GetReference(input),
            ref MemoryMarshal.GetReference(packedFilter),
            ref MemoryMarshal.GetReference(bias),
            ref MemoryMarshal.GetReference(output),
            relu,
            band.FirstInputRow,
            band.FirstOutputRow);
        int rowFloats = geometry.Input.Width * channels;
        if (geometry.KernelHeight == 3 && geometry.KernelWidth == 3 && rowFloats <= MaxZeroRowFloats)
        {
            // Only the bands at the top and bottom read padding rows; the others skip clearing the zero row.
            Span<float> zeroRow = band.ReadsPadding(geometry) ? stackalloc float[rowFloats] : default;
            for (int oy = band.FirstOutputRow; oy < band.EndOutputRow;)
            {
                oy += Depthwise3x3Rows<TVector, TArith>.Run(geometry, ref data, ref MemoryMarshal.GetReference(zeroRow), oy, band.EndOutputRow);
            }
        }
        else
        {
            RunGeneral(geometry, band, ref data);
        }
    }

    /// <summary>Any window size: per output pixel, the clipped tap range, vectorised over channels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunGeneral(in Conv2DGeometry g, in RowBand band, scoped ref DepthwiseData data)
    {
        int channels = g.Input.Channels, lanes = TArith.Count, vectors = ChannelVectors.Count(channels, lanes);
        for (int oy = band.FirstOutputRow; oy < band.EndOutputRow; oy++)
        {
            int iy0 = (oy * g.StrideHeight) - g.PadTop;
            int kyLow = Math.Max(0, -iy0), kyHigh = Math.Min(g.KernelHeight, g.Input.Height - iy0);
            for (int ox = 0; ox < g.Output.Width; ox++)
            {
                int ix0 = (ox * g.StrideWidth) - g.PadLeft;
                int kxLow = Math.Max(0, -ix0), kxHigh = Math.Min(g.KernelWidth, g.Input.Width - ix0);
                for (int v = 0; v < vectors; v++)
                {
                    int c = ChannelVectors.Start(v, channels, lanes);
                    TVector acc = TArith.Load(ref Unsafe.Add(ref data.Bias, c));
                    for (int ky = kyLow; ky < kyHigh; ky++)
                    {
                        for (int kx = kxLow; kx < kxHigh; kx++)
                        {
                            TVector x = TArith.Load(ref Unsafe.Add(ref data.Input, ((((iy0 + ky - data.FirstInputRow) * g.Input.Width) + ix0 + kx) * channels) + c));
                            TVector w = TArith.Load(ref Unsafe.Add(ref data.Filter, (((ky * g.KernelWidth) + kx) * channels) + c));
                            acc = TArith.MultiplyAdd(x, w, acc);
                        }
                    }

                    if (data.Relu)
                    {
                        acc = TArith.Max(acc, TArith.Zero);
                    }

                    TArith.Store(acc, ref Unsafe.Add(ref data.Output, ((((oy - data.FirstOutputRow) * g.Output.Width) + ox) * channels) + c));
                }
            }
        }
    }
}
