namespace BlazeFace.Kernels;

/// <summary>Direct convolution, one output value at a time: the reference the vectorised kernels are tested against.</summary>
internal sealed class ScalarConv2DKernel : IConv2DKernel
{
    public static ScalarConv2DKernel Instance { get; } = new();

    public float[] Pack(ReadOnlySpan<float> filterOhwi, int outChannels, int kernelHeight, int kernelWidth, int inChannels) => filterOhwi.ToArray();

    public void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, in ConvolutionEpilogue epilogue)
    {
        var (inShape, outShape) = (geometry.Input, geometry.Output);
        int kh = geometry.KernelHeight, kw = geometry.KernelWidth, inC = inShape.Channels, outC = outShape.Channels;
        for (int oy = 0; oy < outShape.Height; oy++)
        {
            for (int ox = 0; ox < outShape.Width; ox++)
            {
                int pixel = (oy * outShape.Width) + ox;
                for (int oc = 0; oc < outC; oc++)
                {
                    float acc = bias[oc];
                    for (int ky = 0; ky < kh; ky++)
                    {
                        int iy = (oy * geometry.StrideHeight) - geometry.PadTop + ky;
                        if ((uint)iy >= (uint)inShape.Height)
                        {
                            continue;
                        }

                        for (int kx = 0; kx < kw; kx++)
                        {
                            int ix = (ox * geometry.StrideWidth) - geometry.PadLeft + kx;
                            if ((uint)ix >= (uint)inShape.Width)
                            {
                                continue;
                            }

                            int inBase = ((iy * inShape.Width) + ix) * inC;
                            int wBase = (((oc * kh) + ky) * kw + kx) * inC;
                            for (int ic = 0; ic < inC; ic++)
                            {
                                acc += input[inBase + ic] * packedFilter[wBase + ic];
                            }
                        }
                    }

                    output[(pixel * outC) + oc] = epilogue.Apply(acc, pixel, oc);
                }
            }
        }
    }
}
