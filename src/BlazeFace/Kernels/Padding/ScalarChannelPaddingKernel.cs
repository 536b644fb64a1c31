namespace BlazeFace.Kernels.Padding;

/// <summary>Channel padding by per-pixel copies: the reference implementation.</summary>
internal sealed class ScalarChannelPaddingKernel : IChannelPaddingKernel
{
    public static ScalarChannelPaddingKernel Instance { get; } = new();

    public void Run(int pixels, int inChannels, int padBefore, int padAfter, ReadOnlySpan<float> input, Span<float> output)
    {
        int outChannels = padBefore + inChannels + padAfter;
        for (int p = 0; p < pixels; p++)
        {
            Span<float> dst = output.Slice(p * outChannels, outChannels);
            dst[..padBefore].Clear();
            input.Slice(p * inChannels, inChannels).CopyTo(dst[padBefore..]);
            dst[(padBefore + inChannels)..].Clear();
        }
    }
}
