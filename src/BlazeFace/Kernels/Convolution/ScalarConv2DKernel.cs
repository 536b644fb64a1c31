namespace BlazeFace.Kernels.Convolution;

/// <summary>Direct convolution with plain loops: the reference the vectorised kernels are tested against.</summary>
/// <remarks>
/// Each output sums its window's taps row by row, column by column, channel by channel, skipping taps outside the
/// input. The filter is packed as (kernel height x kernel width x in x out), so the innermost loop runs over a pixel's
/// output channels, which are independent sums: with the stems' 3 input channels a loop over one output's taps would be
/// too short to pay for itself.
/// </remarks>
internal sealed class ScalarConv2DKernel : IConv2DKernel
{
    public static ScalarConv2DKernel Instance { get; } = new();

    public float[] Pack(ReadOnlySpan<float> filterOhwi, int outChannels, int kernelHeight, int kernelWidth, int inChannels)
    {
        int taps = kernelHeight * kernelWidth * inChannels;
        var packed = new float[outChannels * taps];
        for (int oc = 0; oc < outChannels; oc++)
        {
            for (int t = 0; t < taps; t++)
            {
                packed[(t * outChannels) + oc] = filterOhwi[(oc * taps) + t];
            }
        }

        return packed;
    }

    public void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, in ConvolutionEpilogue epilogue)
    {
        var (inShape, outShape) = (geometry.Input, geometry.Output);
        int kw = geometry.KernelWidth, inC = inShape.Channels, outC = outShape.Channels;
        for (int oy = 0; oy < outShape.Height; oy++)
        {
            int iy0 = (oy * geometry.StrideHeight) - geometry.PadTop;
            int kyLow = Math.Max(0, -iy0), kyHigh = Math.Min(geometry.KernelHeight, inShape.Height - iy0);
            for (int ox = 0; ox < outShape.Width; ox++)
            {
                int ix0 = (ox * geometry.StrideWidth) - geometry.PadLeft;
                int kxLow = Math.Max(0, -ix0), kxHigh = Math.Min(kw, inShape.Width - ix0);
                int pixel = (oy * outShape.Width) + ox;
                Span<float> y = output.Slice(pixel * outC, outC);
                bias[..outC].CopyTo(y);
                for (int ky = kyLow; ky < kyHigh; ky++)
                {
                    for (int kx = kxLow; kx < kxHigh; kx++)
                    {
                        ReadOnlySpan<float> x = input.Slice((((iy0 + ky) * inShape.Width) + ix0 + kx) * inC, inC);
                        ReadOnlySpan<float> tap = packedFilter.Slice(((ky * kw) + kx) * inC * outC, inC * outC);
                        for (int ic = 0; ic < inC; ic++)
                        {
                            float xi = x[ic];
                            ReadOnlySpan<float> w = tap.Slice(ic * outC, outC);
                            for (int oc = 0; oc < y.Length; oc++)
                            {
                                y[oc] += xi * w[oc];
                            }
                        }
                    }
                }

                for (int oc = 0; oc < y.Length; oc++)
                {
                    y[oc] = epilogue.Apply(y[oc], pixel, oc);
                }
            }
        }
    }
}
