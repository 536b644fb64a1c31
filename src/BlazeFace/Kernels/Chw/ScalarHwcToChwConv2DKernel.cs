using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Kernels.Chw;

/// <summary>The HWC-to-CHW 3x3 convolution one output at a time, taps outside the image skipped: the reference.</summary>
internal sealed class ScalarHwcToChwConv2DKernel : IHwcToChwConv2DKernel
{
    public static ScalarHwcToChwConv2DKernel Instance { get; } = new();

    public void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> filterOhwi, ReadOnlySpan<float> bias, Span<float> output, bool relu)
    {
        Conv2DGeometry g = geometry;
        HwcToChwChecks.Check(g, input, filterOhwi, bias, output);
        int inChannels = g.Input.Channels, outPlane = g.Output.Height * g.Output.Width;
        for (int oc = 0; oc < g.Output.Channels; oc++)
        {
            for (int oy = 0; oy < g.Output.Height; oy++)
            {
                for (int ox = 0; ox < g.Output.Width; ox++)
                {
                    float acc = bias[oc];
                    for (int ky = 0; ky < 3; ky++)
                    {
                        int iy = (oy * g.StrideHeight) - g.PadTop + ky;
                        for (int kx = 0; kx < 3; kx++)
                        {
                            int ix = (ox * g.StrideWidth) - g.PadLeft + kx;
                            if (iy < 0 || iy >= g.Input.Height || ix < 0 || ix >= g.Input.Width)
                            {
                                continue;
                            }

                            for (int ic = 0; ic < inChannels; ic++)
                            {
                                acc += filterOhwi[(((((oc * 3) + ky) * 3) + kx) * inChannels) + ic] * input[(((iy * g.Input.Width) + ix) * inChannels) + ic];
                            }
                        }
                    }

                    output[(oc * outPlane) + (oy * g.Output.Width) + ox] = relu ? MathF.Max(acc, 0f) : acc;
                }
            }
        }
    }
}
