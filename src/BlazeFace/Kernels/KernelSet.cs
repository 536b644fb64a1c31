namespace BlazeFace.Kernels;

/// <summary>
/// The kernel chosen for each operation. Layers only ever talk to these interfaces, so a faster kernel replaces a
/// slower one here without touching the network.
/// </summary>
internal sealed class KernelSet
{
    public required IConv2DKernel Conv2D { get; init; }

    public required IPointwiseConv2DKernel PointwiseConv2D { get; init; }

    public required IDepthwiseConv2DKernel DepthwiseConv2D { get; init; }

    public required IMaxPool2DKernel MaxPool2D { get; init; }

    public required IChannelPaddingKernel ChannelPadding { get; init; }

    public required IAddKernel Add { get; init; }

    public required IReluKernel Relu { get; init; }

    public required IResizeBilinearKernel ResizeBilinear { get; init; }

    /// <summary>Plain loops with no SIMD: the reference every other kernel is compared with.</summary>
    public static KernelSet Scalar { get; } = new()
    {
        Conv2D = ScalarConv2DKernel.Instance,
        PointwiseConv2D = ScalarPointwiseConv2DKernel.Instance,
        DepthwiseConv2D = ScalarDepthwiseConv2DKernel.Instance,
        MaxPool2D = ScalarMaxPool2DKernel.Instance,
        ChannelPadding = ScalarChannelPaddingKernel.Instance,
        Add = ScalarAddKernel.Instance,
        Relu = ScalarReluKernel.Instance,
        ResizeBilinear = ScalarResizeBilinearKernel.Instance,
    };

    /// <summary>The fastest kernels this machine supports.</summary>
    public static KernelSet Default => Scalar;
}
