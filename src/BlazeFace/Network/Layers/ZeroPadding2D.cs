using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Network.Layers;

/// <summary>
/// Keras <c>ZeroPadding2D</c>: zero rows and columns around a feature map, a TFLite PAD on the height and width axes.
/// A 'valid' convolution after it sees the same window walk as one with that padding, so a fused run never writes the
/// padded tensor (see <see cref="Unpadded"/>); only the layer-by-layer reference run does.
/// </summary>
internal sealed class ZeroPadding2D : Layer
{
    public ZeroPadding2D(string name, Layer input, int top, int bottom, int left, int right)
        : base(name, [input], input.OutputShape with { Height = input.OutputShape.Height + top + bottom, Width = input.OutputShape.Width + left + right })
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        ArgumentOutOfRangeException.ThrowIfNegative(bottom);
        ArgumentOutOfRangeException.ThrowIfNegative(left);
        ArgumentOutOfRangeException.ThrowIfNegative(right);
        (Top, Bottom, Left, Right) = (top, bottom, left, right);
    }

    public int Top { get; }

    public int Bottom { get; }

    public int Left { get; }

    public int Right { get; }

    /// <summary>
    /// The geometry of a convolution of the padded tensor, as a convolution of the unpadded one: the same output and
    /// window walk, with the border as the walk's padding.
    /// </summary>
    public Conv2DGeometry Unpadded(in Conv2DGeometry ofPadded) =>
        ofPadded with { Input = Inputs[0].OutputShape, PadTop = ofPadded.PadTop + Top, PadLeft = ofPadded.PadLeft + Left };

    /// <summary>A padding runs in a fused run only as part of its convolution (<c>ZeroPaddedConvolution</c>).</summary>
    public override void ForwardFused(NetworkActivations activations) =>
        throw new InvalidOperationException($"'{Name}' runs only fused into the convolution that reads it.");

    public override void Forward(NetworkActivations activations)
    {
        TensorShape input = Inputs[0].OutputShape;
        ReadOnlySpan<float> source = activations[Inputs[0]];
        Span<float> destination = activations[this];
        destination.Clear();
        int rowFloats = input.Width * input.Channels;
        int paddedRowFloats = OutputShape.Width * OutputShape.Channels;
        for (int y = 0; y < input.Height; y++)
        {
            source.Slice(y * rowFloats, rowFloats).CopyTo(destination.Slice(((y + Top) * paddedRowFloats) + (Left * input.Channels), rowFloats));
        }
    }
}
