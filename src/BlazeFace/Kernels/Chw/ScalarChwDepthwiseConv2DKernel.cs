using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Kernels.Chw;

/// <summary>The CHW 3x3 depthwise convolution one output at a time, taps outside the image skipped: the reference.</summary>
internal sealed class ScalarChwDepthwiseConv2DKernel : IChwDepthwiseConv2DKernel
{
    public static ScalarChwDepthwiseConv2DKernel Instance { get; } = new();

    public float[] Pack(ReadOnlySpan<float> filter1hwc, int channels) => ChwDepthwiseChecks.Pack(filter1hwc, channels);

    public void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, bool relu)
    {
        Conv2DGeometry g = geometry;
        ChwDepthwiseChecks.Check(g, input, packedFilter, bias, output);
        int inPlane = g.Input.Height * g.Input.Width, outPlane = g.Output.Height * g.Output.Width;
        for (int c = 0; c < g.Input.Channels; c++)
        {
            ReadOnlySpan<float> w = packedFilter.Slice(c * 9, 9);
            for (int oy = 0; oy < g.Output.Height; oy++)
            {
                for (int ox = 0; ox < g.Output.Width; ox++)
                {
                    float acc = bias[c];
                    for (int ky = 0; ky < 3; ky++)
                    {
                        int iy = (oy * g.StrideHeight) - g.PadTop + ky;
                        for (int kx = 0; kx < 3; kx++)
                        {
                            int ix = (ox * g.StrideWidth) - g.PadLeft + kx;
                            if (iy >= 0 && iy < g.Input.Height && ix >= 0 && ix < g.Input.Width)
                            {
                                acc += w[(ky * 3) + kx] * input[(c * inPlane) + (iy * g.Input.Width) + ix];
                            }
                        }
                    }

                    output[(c * outPlane) + (oy * g.Output.Width) + ox] = relu ? MathF.Max(acc, 0f) : acc;
                }
            }
        }
    }
}
