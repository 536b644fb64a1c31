using BlazeFace.Kernels;

namespace BlazeFace.Network.Layers;

/// <summary>
/// TensorFlow's <c>depth_to_space</c> (TFLite DEPTH_TO_SPACE, DCR order): each input pixel's channels spread over a
/// block of b x b output pixels, output (b·y + dy, b·x + dx, c) = input (y, x, (b·dy + dx)·C + c) with C the output
/// channels. A pure copy, one contiguous run of C values at a time.
/// </summary>
internal sealed class DepthToSpace : Layer
{
    public DepthToSpace(string name, Layer input, int blockSize)
        : base(name, [input], Shape(input.OutputShape, blockSize))
    {
        BlockSize = blockSize;
    }

    public int BlockSize { get; }

    /// <summary>From a CHW input (the fused run of a channel-major network) straight to the HWC output: the layout change and the rearrangement in one copy.</summary>
    public override void ForwardFused(NetworkActivations activations)
    {
        if (Inputs[0].Layout == TensorLayout.Hwc)
        {
            Forward(activations);
            return;
        }

        TensorShape input = Inputs[0].OutputShape;
        ReadOnlySpan<float> source = activations[Inputs[0]];
        Span<float> destination = activations[this];
        int b = BlockSize, channels = OutputShape.Channels, outWidth = OutputShape.Width, plane = input.Height * input.Width;
        for (int block = 0; block < b * b; block++)
        {
            int dy = block / b, dx = block % b;
            for (int c = 0; c < channels; c++)
            {
                ReadOnlySpan<float> source2d = source.Slice(((block * channels) + c) * plane, plane);
                for (int y = 0; y < input.Height; y++)
                {
                    int row = ((((b * y) + dy) * outWidth) + dx) * channels;
                    for (int x = 0; x < input.Width; x++)
                    {
                        destination[row + (b * x * channels) + c] = source2d[(y * input.Width) + x];
                    }
                }
            }
        }
    }

    public override void Forward(NetworkActivations activations)
    {
        TensorShape input = Inputs[0].OutputShape;
        ReadOnlySpan<float> source = activations[Inputs[0]];
        Span<float> destination = activations[this];
        int b = BlockSize, channels = OutputShape.Channels, outWidth = OutputShape.Width;
        for (int y = 0; y < input.Height; y++)
        {
            for (int x = 0; x < input.Width; x++)
            {
                int pixel = ((y * input.Width) + x) * input.Channels;
                for (int dy = 0; dy < b; dy++)
                {
                    for (int dx = 0; dx < b; dx++)
                    {
                        int target = ((((b * y) + dy) * outWidth) + (b * x) + dx) * channels;
                        source.Slice(pixel + (((b * dy) + dx) * channels), channels).CopyTo(destination.Slice(target, channels));
                    }
                }
            }
        }
    }

    private static TensorShape Shape(TensorShape input, int blockSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        return input.Channels % (blockSize * blockSize) == 0
            ? new TensorShape(input.Height * blockSize, input.Width * blockSize, input.Channels / (blockSize * blockSize))
            : throw new ArgumentException($"{input.Channels} channels do not split into {blockSize}x{blockSize} blocks.", nameof(blockSize));
    }
}
