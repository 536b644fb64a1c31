namespace BlazeFace.Kernels;

/// <summary>Depthwise convolution one output value at a time: the reference for the vectorised kernels.</summary>
internal sealed class ScalarDepthwiseConv2DKernel : IDepthwiseConv2DKernel
{
    public static ScalarDepthwiseConv2DKernel Instance { get; } = new();

    public float[] Pack(ReadOnlySpan<float> filter1hwc, int kernelHeight, int kernelWidth, int channels) => filter1hwc.ToArray();

    public void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, bool relu)
    {
        var (inShape, outShape) = (geometry.Input, geometry.Output);
        int c = inShape.Channels;
        for (int oy = 0; oy < outShape.Height; oy++)
        {
            for (int ox = 0; ox < outShape.Width; ox++)
            {
                for (int ch = 0; ch < c; ch++)
                {
                    float acc = bias[ch];
                    for (int ky = 0; ky < geometry.KernelHeight; ky++)
                    {
                        int iy = (oy * geometry.StrideHeight) - geometry.PadTop + ky;
                        if ((uint)iy >= (uint)inShape.Height)
                        {
                            continue;
                        }

                        for (int kx = 0; kx < geometry.KernelWidth; kx++)
                        {
                            int ix = (ox * geometry.StrideWidth) - geometry.PadLeft + kx;
                            if ((uint)ix >= (uint)inShape.Width)
                            {
                                continue;
                            }

                            acc += input[(((iy * inShape.Width) + ix) * c) + ch] * packedFilter[(((ky * geometry.KernelWidth) + kx) * c) + ch];
                        }
                    }

                    output[(((oy * outShape.Width) + ox) * c) + ch] = relu ? MathF.Max(acc, 0f) : acc;
                }
            }
        }
    }
}
