using BlazeFace.Kernels;
using BlazeFace.Models;

namespace BlazeFace.Network;

/// <summary>Collects layers and run order while an architecture is being described.</summary>
internal sealed class NetworkBuilder
{
    private readonly List<INetworkNode> _nodes = [];
    private readonly List<Layer> _layers = [];

    public NetworkBuilder(ModelSpec spec, KernelSet kernels)
    {
        Spec = spec;
        Kernels = kernels;
        Input = new InputLayer("input", new TensorShape(spec.InputSize, spec.InputSize, 3));
        AddLayer(Input);
    }

    public ModelSpec Spec { get; }

    public KernelSet Kernels { get; }

    public LayerNamer Names { get; } = new();

    /// <summary>The network input, spec.InputSize square, three channels.</summary>
    public InputLayer Input { get; }

    public T Add<T>(T layer)
        where T : Layer
    {
        _nodes.Add(layer);
        AddLayer(layer);
        return layer;
    }

    public void Add(INetworkNode node, IEnumerable<Layer> layers)
    {
        _nodes.Add(node);
        foreach (Layer layer in layers)
        {
            AddLayer(layer);
        }
    }

    public ReLU ConvRelu(Layer input, int filters, int kernelSize, int stride)
    {
        var block = new ConvReluBlock(Names, input, filters, kernelSize, stride, PaddingMode.Same, Kernels);
        Add(block, block.Layers);
        return block.Output;
    }

    public ReLU BlazeBlock(Layer input, int outChannels, int stride = 1)
    {
        var block = new BlazeBlock(Names, input, outChannels, stride, Kernels);
        Add(block, block.Layers);
        return block.Output;
    }

    public ReLU DoubleBlazeBlock(Layer input, int projectionChannels, int outChannels, int stride = 1)
    {
        var block = new DoubleBlazeBlock(Names, input, projectionChannels, outChannels, stride, Kernels);
        Add(block, block.Layers);
        return block.Output;
    }

    public ReLU SeparableConvRelu(Layer input, int filters, int stride)
    {
        var block = new SeparableConvReluBlock(Names, input, filters, stride, Kernels);
        Add(block, block.Layers);
        return block.Output;
    }

    public Add FeaturePyramidMerge(Layer coarse, Layer lateral, int channels)
    {
        var merge = new FeaturePyramidMerge(Names, coarse, lateral, channels, Kernels);
        Add(merge, merge.Layers);
        return merge.Output;
    }

    /// <summary>A detection head: 1x1 convolution to anchorsPerCell x valuesPerAnchor, reshaped to one row per anchor.</summary>
    public Reshape Head(string convName, string? reshapeName, Layer features, int anchorsPerCell, int valuesPerAnchor)
    {
        // The heads were exported with 'same' padding, which for a 1x1 window is the same arithmetic as 'valid'.
        var conv = Add(new Conv2D(convName, features, anchorsPerCell * valuesPerAnchor, kernelSize: 1, stride: 1, PaddingMode.Same, Kernels));
        TensorShape rows = new(1, conv.OutputShape.Pixels * anchorsPerCell, valuesPerAnchor);
        return Add(new Reshape(reshapeName ?? Names.Next("reshape"), conv, rows));
    }

    public BlazeFaceNetwork Build(Layer regressors, Layer classificators) =>
        new(Spec, Input, _nodes, _layers, regressors, classificators);

    private void AddLayer(Layer layer)
    {
        layer.Slot = _layers.Count;
        _layers.Add(layer);
    }
}
