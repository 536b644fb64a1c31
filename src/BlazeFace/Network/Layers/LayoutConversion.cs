using BlazeFace.Kernels;

namespace BlazeFace.Network.Layers;

/// <summary>
/// Between HWC and CHW copies of a tensor, for the layer-by-layer reference run of layers that keep only channel-major
/// weights: it converts their HWC input, runs their channel-major kernel, and converts the result back. Allocates;
/// fused runs never call it.
/// </summary>
internal static class LayoutConversion
{
    public static float[] ToChw(ReadOnlySpan<float> hwc, TensorShape shape)
    {
        int pixels = shape.Height * shape.Width;
        float[] chw = new float[shape.Length];
        for (int p = 0; p < pixels; p++)
        {
            for (int c = 0; c < shape.Channels; c++)
            {
                chw[(c * pixels) + p] = hwc[(p * shape.Channels) + c];
            }
        }

        return chw;
    }

    public static void ToHwc(ReadOnlySpan<float> chw, TensorShape shape, Span<float> hwc)
    {
        int pixels = shape.Height * shape.Width;
        for (int p = 0; p < pixels; p++)
        {
            for (int c = 0; c < shape.Channels; c++)
            {
                hwc[(p * shape.Channels) + c] = chw[(c * pixels) + p];
            }
        }
    }
}
