namespace BlazeFace.Kernels;

/// <summary>The shape of one activation tensor of a batch-1 NHWC network.</summary>
internal readonly record struct TensorShape(int Height, int Width, int Channels)
{
    public int Length => checked(Height * Width * Channels);

    public int Pixels => checked(Height * Width);

    public override string ToString() => $"{Height}x{Width}x{Channels}";
}
