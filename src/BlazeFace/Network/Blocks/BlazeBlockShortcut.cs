using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Blocks;

/// <summary>
/// The residual branch of both BlazeBlock kinds: the input itself, 2x2 max-pooled when the block strides, and
/// zero-padded in channels when the block widens.
/// </summary>
internal sealed class BlazeBlockShortcut
{
    /// <param name="names">Names the pooling and padding layers.</param>
    /// <param name="input">The block's input.</param>
    /// <param name="stride">The block's stride, 1 or 2.</param>
    /// <param name="outChannels">The block's output channels, at least the input's.</param>
    /// <param name="kernels">The kernels the layers run on.</param>
    /// <param name="poolPadding">The padding the file records for the 2x2 pooling (the detectors say 'same', the face-landmark model 'valid').</param>
    public BlazeBlockShortcut(LayerNamer names, Layer input, int stride, int outChannels, KernelSet kernels, PaddingMode poolPadding = PaddingMode.Same)
    {
        Layer shortcut = input;
        if (stride == 2)
        {
            Pool = new MaxPooling2D(names.Next("max_pooling2d"), input, poolSize: 2, stride: 2, poolPadding, kernels);
            shortcut = Pool;
        }
        else if (stride != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride, "BlazeBlocks stride by 1 or 2.");
        }

        int extra = outChannels - input.OutputShape.Channels;
        if (extra < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(outChannels), outChannels, $"A BlazeBlock cannot narrow {input.OutputShape.Channels} channels.");
        }

        if (extra > 0)
        {
            Padding = new ChannelPadding(names.Next("channel_padding"), shortcut, padBefore: 0, padAfter: extra, kernels);
        }

        Unpadded = shortcut;
        Output = Padding ?? shortcut;
    }

    /// <summary>The pooling layer, present only when the block strides.</summary>
    public MaxPooling2D? Pool { get; }

    /// <summary>The channel padding, present only when the block widens.</summary>
    public ChannelPadding? Padding { get; }

    /// <summary>The shortcut before channel padding: what the fused epilogue adds to the leading channels.</summary>
    public Layer Unpadded { get; }

    /// <summary>The shortcut as the Add layer sees it.</summary>
    public Layer Output { get; }

    public IEnumerable<Layer> Layers => new Layer?[] { Pool, Padding }.OfType<Layer>();

    /// <summary>Channels of <see cref="Unpadded"/>: what the fused epilogue adds to the output's leading channels.</summary>
    public int Channels => Unpadded.OutputShape.Channels;

    /// <summary>Floats of scratch <see cref="Rows"/> needs for a band of <paramref name="rows"/> rows: the pooled rows, if any.</summary>
    public int ScratchFloats(int rows) => Pool is null ? 0 : rows * Pool.OutputShape.Width * Channels;

    /// <summary>
    /// The shortcut's output rows [<paramref name="first"/>, + <paramref name="rows"/>) without the channel padding (the
    /// epilogue adds only the leading channels): the block's input rows themselves, or, when the block strides, those
    /// rows pooled into <paramref name="scratch"/>.
    /// </summary>
    public ReadOnlySpan<float> Rows(ReadOnlySpan<float> input, int first, int rows, Span<float> scratch)
    {
        int rowFloats = Unpadded.OutputShape.Width * Channels;
        if (Pool is null)
        {
            return input.Slice(first * rowFloats, rows * rowFloats);
        }

        Span<float> pooled = scratch[..(rows * rowFloats)];
        Pool.ForwardRows(new RowBand(first, rows, FirstInputRow: 0), input, pooled);
        return pooled;
    }
}
