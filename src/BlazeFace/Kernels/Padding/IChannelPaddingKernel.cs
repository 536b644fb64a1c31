namespace BlazeFace.Kernels.Padding;

/// <summary>Pads every pixel's channel vector with zeros before and after (TFLite PAD on the channel axis only).</summary>
internal interface IChannelPaddingKernel
{
    void Run(int pixels, int inChannels, int padBefore, int padAfter, ReadOnlySpan<float> input, Span<float> output);
}
