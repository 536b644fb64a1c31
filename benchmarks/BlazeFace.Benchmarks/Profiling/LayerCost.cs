using BlazeFace.Kernels;
using BlazeFace.Network;
using BlazeFace.Network.Layers;

namespace BlazeFace.Benchmarks.Profiling;

/// <summary>
/// What one layer must do at the least: its floating-point operations (a multiply-add counts as two) and the bytes
/// it must move (its weights, and the activations it reads and writes when they are not fused away).
/// </summary>
internal static class LayerCost
{
    /// <summary>Floating-point operations of the layer; copies (reshape, concatenation) count none.</summary>
    public static long Flops(Layer layer) => layer switch
    {
        Conv2D conv => 2L * conv.OutputShape.Length * conv.KernelSize * conv.KernelSize * conv.Geometry.Input.Channels,
        DepthwiseConv2D depthwise => 2L * depthwise.OutputShape.Length * depthwise.KernelSize * depthwise.KernelSize,
        MaxPooling2D pool => (long)pool.OutputShape.Length * ((pool.PoolSize * pool.PoolSize) - 1),
        UpSampling2D upsampling => 6L * upsampling.OutputShape.Length, // two lerps across, one down: 3 multiply-adds
        Add or ReLU or PReLU or ChannelPadding => layer.OutputShape.Length,
        ZeroPadding2D => 0,
        _ => 0,
    };

    /// <summary>Bytes of the layer's weights (float32, as the kernels read them).</summary>
    public static long WeightBytes(Layer layer) => layer.Weights.Sum(w => w.ElementCount) * sizeof(float);

    /// <summary>Bytes of one activation tensor.</summary>
    public static long ActivationBytes(TensorShape shape) => (long)shape.Length * sizeof(float);
}
