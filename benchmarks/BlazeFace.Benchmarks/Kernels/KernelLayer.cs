using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Benchmarks.Kernels;

/// <summary>
/// One layer of a bundled network as a kernel benchmark parameter: its input shape, window and output channels.
/// <see cref="ToString"/> is what BenchmarkDotNet prints in the table (e.g. <c>full 96x96x32 s1</c>).
/// </summary>
/// <param name="Model">"short", "full", "full-sparse" or "landmarks": the network the layer comes from.</param>
/// <param name="Height">Input height.</param>
/// <param name="Width">Input width.</param>
/// <param name="Channels">Input channels.</param>
/// <param name="OutChannels">Output channels (equal to the input's for depthwise, pooling and resize layers).</param>
/// <param name="Kernel">Window side (1 for pointwise layers; the output side for resize layers).</param>
/// <param name="Stride">Window stride.</param>
/// <param name="ResidualChannels">Channels of the residual the fused epilogue adds (0: none).</param>
public sealed record KernelLayer(string Model, int Height, int Width, int Channels, int OutChannels, int Kernel = 1, int Stride = 1, int ResidualChannels = 0)
{
    internal TensorShape Input => new(Height, Width, Channels);

    /// <summary>TensorFlow's 'same' padding: output ceil(in / stride), the smaller half of the padding first.</summary>
    internal Conv2DGeometry SameGeometry()
    {
        var (height, top) = SameAxis(Input.Height);
        var (width, left) = SameAxis(Input.Width);
        return new Conv2DGeometry(Input, new TensorShape(height, width, OutChannels), Kernel, Kernel, Stride, Stride, top, left);
    }

    /// <summary>An explicit zero border of <paramref name="pad"/> pixels on every side, then a 'valid' window walk.</summary>
    internal Conv2DGeometry PaddedGeometry(int pad)
    {
        int height = ((Height + (2 * pad) - Kernel) / Stride) + 1;
        int width = ((Width + (2 * pad) - Kernel) / Stride) + 1;
        return new Conv2DGeometry(Input, new TensorShape(height, width, OutChannels), Kernel, Kernel, Stride, Stride, pad, pad);
    }

    /// <summary>The name BenchmarkDotNet shows for the parameter.</summary>
    public override string ToString() =>
        $"{Model} {Input}{(OutChannels != Input.Channels ? $"->{OutChannels}" : "")}{(Kernel > 1 ? $" k{Kernel}" : "")}{(Stride > 1 ? $" s{Stride}" : "")}{(ResidualChannels > 0 ? " +res" : "")}";

    private (int Size, int PadBefore) SameAxis(int size)
    {
        int output = (size + Stride - 1) / Stride;
        return (output, Math.Max(((output - 1) * Stride) + Kernel - size, 0) / 2);
    }
}
