using BlazeFace.Kernels;

namespace BlazeFace.Network;

/// <summary>One activation tensor (batch 1, NHWC) with the storage it lives in.</summary>
/// <remarks>
/// Storage is a window into an array so that several tensors can take turns in one buffer
/// (see <see cref="ActivationArena"/>).
/// </remarks>
internal sealed class FeatureMap
{
    private readonly float[] _buffer;
    private readonly int _offset;

    public FeatureMap(TensorShape shape)
        : this(shape, new float[shape.Length], 0)
    {
    }

    public FeatureMap(TensorShape shape, float[] buffer, int offset)
    {
        if (offset < 0 || (long)offset + shape.Length > buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"A {shape} feature map does not fit at {offset} in a buffer of {buffer.Length} values.");
        }

        Shape = shape;
        _buffer = buffer;
        _offset = offset;
    }

    public TensorShape Shape { get; }

    public Span<float> Span => _buffer.AsSpan(_offset, Shape.Length);
}
