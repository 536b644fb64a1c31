using BlazeFace.Kernels;
using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Blocks;

/// <summary>
/// One top-down step of the full-range model's feature pyramid: the coarse map and a finer lateral map are each
/// projected by 1x1 convolution + ReLU to a common width, the coarse one is bilinearly up-sampled 2x, and the two
/// are added.
/// </summary>
internal sealed class FeaturePyramidMerge : INetworkNode
{
    private readonly ConvActivationBlock<ReLU> _coarse;
    private readonly ConvActivationBlock<ReLU> _lateral;
    private readonly UpSampling2D _upsample;

    public FeaturePyramidMerge(LayerNamer names, Layer coarse, Layer lateral, int channels, KernelSet kernels)
    {
        _coarse = new ConvActivationBlock<ReLU>(names, coarse, channels, kernelSize: 1, stride: 1, PaddingMode.Valid, kernels, ReLU.Factory(names, kernels));
        _lateral = new ConvActivationBlock<ReLU>(names, lateral, channels, kernelSize: 1, stride: 1, PaddingMode.Valid, kernels, ReLU.Factory(names, kernels));

        // Keras's bilinear UpSampling2D converts to RESIZE_BILINEAR with half-pixel centres.
        _upsample = new UpSampling2D(names.Next("up_sampling2d"), _coarse.Output, factor: 2, alignCorners: false, halfPixelCenters: true, kernels);
        Output = new Add(names.Next("add"), _lateral.Output, _upsample, kernels);
    }

    public Add Output { get; }

    public IReadOnlyList<Layer> Layers => [.. _coarse.Layers, .. _lateral.Layers, _upsample, Output];

    public IReadOnlyList<Layer> Reads => [.. _coarse.Reads, .. _lateral.Reads];

    public IReadOnlyList<Layer> Writes => [.. _coarse.Writes, .. _lateral.Writes, _upsample, Output];

    public void Forward(NetworkActivations activations)
    {
        _coarse.Forward(activations);
        _lateral.Forward(activations);
        _upsample.Forward(activations);
        Output.Forward(activations);
    }
}
