using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Kernels.Chw;

/// <summary>The argument checks every CHW depthwise kernel makes once on entry.</summary>
internal static class ChwDepthwiseChecks
{
    public static void Check(in Conv2DGeometry g, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, ReadOnlySpan<float> output)
    {
        if (g.KernelHeight != 3 || g.KernelWidth != 3 || g.StrideHeight != g.StrideWidth || g.StrideWidth is not (1 or 2) || g.Output.Channels != g.Input.Channels)
        {
            throw new ArgumentException($"The CHW depthwise kernel takes 3x3 windows at stride 1 or 2 with as many outputs as inputs; got {g}.", nameof(g));
        }

        int channels = g.Input.Channels;
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Length, g.Input.Length, nameof(input));
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, g.Output.Length, nameof(output));
        ArgumentOutOfRangeException.ThrowIfNotEqual(packedFilter.Length, 9 * channels, nameof(packedFilter));
        ArgumentOutOfRangeException.ThrowIfLessThan(bias.Length, channels, nameof(bias));
    }

    /// <summary>Re-lays a 1 x 3 x 3 x C filter as C x 9.</summary>
    public static float[] Pack(ReadOnlySpan<float> filter1hwc, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(filter1hwc.Length, 9 * channels, nameof(filter1hwc));
        float[] packed = new float[filter1hwc.Length];
        for (int tap = 0; tap < 9; tap++)
        {
            for (int c = 0; c < channels; c++)
            {
                packed[(c * 9) + tap] = filter1hwc[(tap * channels) + c];
            }
        }

        return packed;
    }
}
