using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Kernels.Depthwise;

/// <summary>Depthwise convolution with plain loops: the reference for the vectorised kernels.</summary>
/// <remarks>
/// Each output sums its window's taps row by row, column by column, skipping taps outside the input; the innermost
/// loop runs over a pixel's channels, which are independent sums, rather than over one sum's taps.
/// </remarks>
internal sealed class ScalarDepthwiseConv2DKernel : IDepthwiseConv2DKernel
{
    public static ScalarDepthwiseConv2DKernel Instance { get; } = new();

    public float[] Pack(ReadOnlySpan<float> filter1hwc, int kernelHeight, int kernelWidth, int channels) => filter1hwc.ToArray();

    public void RunRows(in Conv2DGeometry geometry, in RowBand band, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, bool relu)
    {
        RowBand.Check(geometry, band, input.Length, output.Length);
        var (inShape, outShape) = (geometry.Input, geometry.Output);
        int c = inShape.Channels, kw = geometry.KernelWidth;
        for (int oy = band.FirstOutputRow; oy < band.EndOutputRow; oy++)
        {
            int iy0 = (oy * geometry.StrideHeight) - geometry.PadTop;
            int kyLow = Math.Max(0, -iy0), kyHigh = Math.Min(geometry.KernelHeight, inShape.Height - iy0);
            for (int ox = 0; ox < outShape.Width; ox++)
            {
                int ix0 = (ox * geometry.StrideWidth) - geometry.PadLeft;
                int kxLow = Math.Max(0, -ix0), kxHigh = Math.Min(kw, inShape.Width - ix0);
                Span<float> y = output.Slice((((oy - band.FirstOutputRow) * outShape.Width) + ox) * c, c);
                bias[..c].CopyTo(y);
                for (int ky = kyLow; ky < kyHigh; ky++)
                {
                    for (int kx = kxLow; kx < kxHigh; kx++)
                    {
                        ReadOnlySpan<float> x = input.Slice((((iy0 + ky - band.FirstInputRow) * inShape.Width) + ix0 + kx) * c, c);
                        ReadOnlySpan<float> w = packedFilter.Slice(((ky * kw) + kx) * c, c);
                        for (int ch = 0; ch < y.Length; ch++)
                        {
                            y[ch] += x[ch] * w[ch];
                        }
                    }
                }

                if (relu)
                {
                    for (int ch = 0; ch < y.Length; ch++)
                    {
                        y[ch] = MathF.Max(y[ch], 0f);
                    }
                }
            }
        }
    }
}
