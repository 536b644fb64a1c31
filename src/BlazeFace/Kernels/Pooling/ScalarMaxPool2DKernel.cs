namespace BlazeFace.Kernels;

/// <summary>Max pooling one output value at a time: the reference for the vectorised kernel.</summary>
internal sealed class ScalarMaxPool2DKernel : IMaxPool2DKernel
{
    public static ScalarMaxPool2DKernel Instance { get; } = new();

    public void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, Span<float> output)
    {
        var (inShape, outShape) = (geometry.Input, geometry.Output);
        int c = inShape.Channels;
        for (int oy = 0; oy < outShape.Height; oy++)
        {
            for (int ox = 0; ox < outShape.Width; ox++)
            {
                for (int ch = 0; ch < c; ch++)
                {
                    float max = float.NegativeInfinity;
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
                            if ((uint)ix < (uint)inShape.Width)
                            {
                                max = MathF.Max(max, input[(((iy * inShape.Width) + ix) * c) + ch]);
                            }
                        }
                    }

                    output[(((oy * outShape.Width) + ox) * c) + ch] = max;
                }
            }
        }
    }
}
