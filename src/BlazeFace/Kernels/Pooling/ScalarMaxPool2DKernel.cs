using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Kernels.Pooling;

/// <summary>Max pooling with plain loops: the reference for the vectorised kernel.</summary>
/// <remarks>Each output pixel starts at minus infinity and takes the maximum over the taps inside the input, all channels at once.</remarks>
internal sealed class ScalarMaxPool2DKernel : IMaxPool2DKernel
{
    public static ScalarMaxPool2DKernel Instance { get; } = new();

    public void RunRows(in Conv2DGeometry geometry, in RowBand band, ReadOnlySpan<float> input, Span<float> output)
    {
        RowBand.Check(geometry, band, input.Length, output.Length);
        var (inShape, outShape) = (geometry.Input, geometry.Output);
        int c = inShape.Channels;
        for (int oy = band.FirstOutputRow; oy < band.EndOutputRow; oy++)
        {
            int iy0 = (oy * geometry.StrideHeight) - geometry.PadTop;
            int kyLow = Math.Max(0, -iy0), kyHigh = Math.Min(geometry.KernelHeight, inShape.Height - iy0);
            for (int ox = 0; ox < outShape.Width; ox++)
            {
                int ix0 = (ox * geometry.StrideWidth) - geometry.PadLeft;
                int kxLow = Math.Max(0, -ix0), kxHigh = Math.Min(geometry.KernelWidth, inShape.Width - ix0);
                Span<float> y = output.Slice((((oy - band.FirstOutputRow) * outShape.Width) + ox) * c, c);
                y.Fill(float.NegativeInfinity);
                for (int ky = kyLow; ky < kyHigh; ky++)
                {
                    for (int kx = kxLow; kx < kxHigh; kx++)
                    {
                        ReadOnlySpan<float> x = input.Slice((((iy0 + ky - band.FirstInputRow) * inShape.Width) + ix0 + kx) * c, c);
                        for (int ch = 0; ch < y.Length; ch++)
                        {
                            y[ch] = MathF.Max(y[ch], x[ch]);
                        }
                    }
                }
            }
        }
    }
}
