using BlazeFace.Kernels;
using BlazeFace.Network.Blocks;
using BlazeFace.Network.Layers;

namespace BlazeFace.Network;

/// <summary>Collects layers and run order while an architecture is being described.</summary>
internal sealed class NetworkBuilder
{
    private readonly List<INetworkNode> _nodes = [];
    private readonly List<Layer> _layers = [];
    private InputLayer? _input;

    /// <param name="name">How messages name the network (the model's name).</param>
    /// <param name="kernels">The kernels every layer runs on.</param>
    public NetworkBuilder(string name, KernelSet kernels)
    {
        Name = name;
        Kernels = kernels;
    }

    public string Name { get; }

    public KernelSet Kernels { get; }

    public LayerNamer Names { get; } = new();

    /// <summary>How a file's operators are found for the layers; architectures of MLIR-converted files set <see cref="LayerMatching.ByStructure"/>.</summary>
    public LayerMatching Matching { get; set; } = LayerMatching.ByName;

    /// <summary>
    /// A band height for every banded block added from now on, instead of the one each chooses from its shapes (see
    /// <see cref="BandHeight"/>); tests use it to check any height computes the same values.
    /// </summary>
    public int? BandRows { get; set; }

    /// <summary>The layout the layers added from now on keep their outputs in during a fused run.</summary>
    public TensorLayout Layout { get; set; } = TensorLayout.Hwc;

    /// <summary>Declares the network's one input: the first call of every architecture.</summary>
    /// <param name="name">The input tensor's name in the model file.</param>
    /// <param name="height">Rows of the NHWC input.</param>
    /// <param name="width">Columns of the NHWC input.</param>
    /// <param name="channels">Channels of the NHWC input.</param>
    public InputLayer Input(string name, int height, int width, int channels)
    {
        if (_input is not null)
        {
            throw new InvalidOperationException($"The {Name} network already has its input '{_input.Name}'.");
        }

        _input = new InputLayer(name, new TensorShape(height, width, channels));
        AddLayer(_input);
        return _input;
    }

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
        var block = new ConvActivationBlock<ReLU>(Names, input, filters, kernelSize, stride, PaddingMode.Same, Kernels, ReLU.Factory(Names, Kernels));
        Add(block, block.Layers);
        return block.Output;
    }

    public ReLU BlazeBlock(Layer input, int outChannels, int stride = 1)
    {
        var block = new BlazeBlock<ReLU>(Names, input, outChannels, stride, Kernels, ReLU.Factory(Names, Kernels), PaddingMode.Same, BandRows);
        Add(block, block.Layers);
        return block.Output;
    }

    public ReLU DoubleBlazeBlock(Layer input, int projectionChannels, int outChannels, int stride = 1)
    {
        var block = new DoubleBlazeBlock(Names, input, projectionChannels, outChannels, stride, Kernels, BandRows);
        Add(block, block.Layers);
        return block.Output;
    }

    public ReLU SeparableConvRelu(Layer input, int filters, int stride)
    {
        var block = new SeparableConvReluBlock(Names, input, filters, stride, Kernels);
        Add(block, block.Layers);
        return block.Output;
    }

    public PReLU ConvPRelu(Layer input, int filters, int kernelSize, int stride, PaddingMode padding)
    {
        var block = new ConvActivationBlock<PReLU>(Names, input, filters, kernelSize, stride, padding, Kernels, PReLU.Factory(Names, Kernels));
        Add(block, block.Layers);
        return block.Output;
    }

    public PReLU PReluBlazeBlock(Layer input, int outChannels, int stride = 1)
    {
        var block = new BlazeBlock<PReLU>(Names, input, outChannels, stride, Kernels, PReLU.Factory(Names, Kernels), PaddingMode.Valid, BandRows);
        Add(block, block.Layers);
        return block.Output;
    }

    public Add FeaturePyramidMerge(Layer coarse, Layer lateral, int channels)
    {
        var merge = new FeaturePyramidMerge(Names, coarse, lateral, channels, Kernels);
        Add(merge, merge.Layers);
        return merge.Output;
    }

    /// <summary>A zero border of <paramref name="pad"/> pixels and a 'valid' convolution of it, run as one convolution.</summary>
    public Conv2D ZeroPaddedConv(Layer input, int filters, int kernelSize, int stride, int pad, bool relu)
    {
        var padding = new ZeroPadding2D(Names.Next("zero_padding2d"), input, pad, pad, pad, pad);
        var conv = new Conv2D(Names.Next("conv2d"), padding, filters, kernelSize, stride, PaddingMode.Valid, Kernels, relu);
        var node = new ZeroPaddedConvolution(padding, conv);
        Add(node, node.Layers);
        return conv;
    }

    /// <summary>A zero border of <paramref name="pad"/> pixels and a 'valid' depthwise convolution of it, run as one.</summary>
    public DepthwiseConv2D ZeroPaddedDepthwise(Layer input, int kernelSize, int stride, int pad)
    {
        var padding = new ZeroPadding2D(Names.Next("zero_padding2d"), input, pad, pad, pad, pad);
        var depthwise = new DepthwiseConv2D(Names.Next("depthwise_conv2d"), padding, kernelSize, stride, PaddingMode.Valid, Kernels);
        var node = new ZeroPaddedConvolution(padding, depthwise);
        Add(node, node.Layers);
        return depthwise;
    }

    /// <summary>A 1x1 convolution, with its fused ReLU if <paramref name="relu"/>.</summary>
    public Conv2D Pointwise(Layer input, int filters, bool relu, PaddingMode padding = PaddingMode.Valid) =>
        Add(new Conv2D(Names.Next("conv2d"), input, filters, kernelSize: 1, stride: 1, padding, Kernels, relu));

    /// <summary>A 1x1 convolution added to <paramref name="shortcut"/> with a fused ReLU, run as one convolution.</summary>
    public Add ResidualPointwise(Layer input, Layer shortcut)
    {
        var pointwise = new Conv2D(Names.Next("conv2d"), input, shortcut.OutputShape.Channels, kernelSize: 1, stride: 1, PaddingMode.Valid, Kernels);
        var add = new Add(Names.Next("add"), shortcut, pointwise, Kernels, relu: true);
        var node = new ResidualPointwise(pointwise, add);
        Add(node, node.Layers);
        return add;
    }

    /// <summary>A detection head: 1x1 convolution to anchorsPerCell x valuesPerAnchor, reshaped to one row per anchor.</summary>
    public Reshape Head(string convName, string? reshapeName, Layer features, int anchorsPerCell, int valuesPerAnchor)
    {
        // The heads were exported with 'same' padding, which for a 1x1 window is the same arithmetic as 'valid'.
        var conv = Add(new Conv2D(convName, features, anchorsPerCell * valuesPerAnchor, kernelSize: 1, stride: 1, PaddingMode.Same, Kernels));
        TensorShape rows = new(1, conv.OutputShape.Pixels * anchorsPerCell, valuesPerAnchor);
        return Add(new Reshape(reshapeName ?? Names.Next("reshape"), conv, rows));
    }

    /// <summary>The network, with <paramref name="outputs"/> in the model's output order.</summary>
    public CompiledNetwork Build(params Layer[] outputs) =>
        new(Name, _input ?? throw new InvalidOperationException($"The {Name} network has no input."), _nodes, _layers, outputs, Matching);

    private void AddLayer(Layer layer)
    {
        layer.Slot = _layers.Count;
        layer.Layout = layer is InputLayer ? TensorLayout.Hwc : Layout;
        _layers.Add(layer);
    }
}
