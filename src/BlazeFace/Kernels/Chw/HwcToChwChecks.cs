using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Kernels.Chw;

/// <summary>The argument checks every HWC-to-CHW convolution kernel makes once on entry.</summary>
internal static class HwcToChwChecks
{
    /// <summary>Input channels the kernels keep a scratch row for each of; a network's first layer has three.</summary>
    public const int MaxInputChannels = 4;

    public static void Check(in Conv2DGeometry g, ReadOnlySpan<float> input, ReadOnlySpan<float> filterOhwi, ReadOnlySpan<float> bias, ReadOnlySpan<float> output)
    {
        if (g.KernelHeight != 3 || g.KernelWidth != 3 || g.StrideHeight != g.StrideWidth || g.StrideWidth is not (1 or 2) || g.Input.Channels > MaxInputChannels)
        {
            throw new ArgumentException($"The HWC-to-CHW kernel takes 3x3 windows at stride 1 or 2 on at most {MaxInputChannels} input channels; got {g}.", nameof(g));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(input.Length, g.Input.Length, nameof(input));
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, g.Output.Length, nameof(output));
        ArgumentOutOfRangeException.ThrowIfNotEqual(filterOhwi.Length, 9 * g.Input.Channels * g.Output.Channels, nameof(filterOhwi));
        ArgumentOutOfRangeException.ThrowIfLessThan(bias.Length, g.Output.Channels, nameof(bias));
    }
}
