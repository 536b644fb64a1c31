using BlazeFace.Network;
using BlazeFace.Network.Blocks;
using BlazeFace.Network.Layers;

namespace BlazeFace.Benchmarks.Profiling;

/// <summary>One step of a fused run (a layer, or a block of layers run as one) with its cost floors and measured time.</summary>
internal sealed class NodeProfile
{
    public NodeProfile(INetworkNode node, IReadOnlyList<Layer> layers)
    {
        Node = node;
        Layers = layers;
        Flops = layers.Sum(LayerCost.Flops);
        Bytes = layers.Sum(LayerCost.WeightBytes)
            + node.Reads.Sum(layer => LayerCost.ActivationBytes(layer.OutputShape))
            + node.Writes.Sum(layer => LayerCost.ActivationBytes(layer.OutputShape));
    }

    public INetworkNode Node { get; }

    /// <summary>The layers the step computes, in graph order.</summary>
    public IReadOnlyList<Layer> Layers { get; }

    /// <summary>The step's type, a generic one with its argument: <c>BlazeBlock&lt;PReLU&gt;</c>.</summary>
    public string Kind => Node.GetType() is { IsGenericType: true } type
        ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(argument => argument.Name))}>"
        : Node.GetType().Name;

    /// <summary>What the summary adds up by: the kind of step, with stride-2 and 1x1 layers told apart.</summary>
    public string Group => Node switch
    {
        DepthwiseConv2D { Stride: 2 } => "DepthwiseConv2D, stride 2",
        DepthwiseConv2D => "DepthwiseConv2D, stride 1",
        Conv2D { KernelSize: 1 } => "Conv2D 1x1",
        Conv2D conv => $"Conv2D {conv.KernelSize}x{conv.KernelSize}",
        ZeroPaddedConvolution { Output: DepthwiseConv2D { Stride: 2 } } => "padded DepthwiseConv2D, stride 2",
        ZeroPaddedConvolution { Output: DepthwiseConv2D } => "padded DepthwiseConv2D, stride 1",
        ZeroPaddedConvolution => "padded Conv2D",
        ResidualPointwise => "Conv2D 1x1 + residual",
        _ => Kind,
    };

    public string Name => Layers.Count == 1 ? Layers[0].Name : $"{Layers[0].Name} .. {Layers[^1].Name}";

    public string OutputShape => Layers[^1].OutputShape.ToString();

    public long Flops { get; }

    /// <summary>Weights, plus the activations the step reads and the ones it writes to memory.</summary>
    public long Bytes { get; }

    /// <summary>Median seconds of the step over the measured runs.</summary>
    public double Seconds { get; set; }
}
