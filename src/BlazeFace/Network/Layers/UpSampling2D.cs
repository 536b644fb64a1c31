using BlazeFace.Kernels;
using BlazeFace.Kernels.Chw;
using BlazeFace.Kernels.Resize;

namespace BlazeFace.Network.Layers;

/// <summary>
/// Keras <c>UpSampling2D(interpolation='bilinear')</c>: TFLite RESIZE_BILINEAR. Keras's bilinear up-sampling
/// converts with half-pixel centres and without corner alignment; both flags are kept so the graph check can
/// compare them with the file.
/// </summary>
internal sealed class UpSampling2D : Layer
{
    private readonly IResizeBilinearKernel _kernel;
    private readonly IChwResizeBilinearKernel _chwKernel;

    public UpSampling2D(string name, Layer input, int factor, bool alignCorners, bool halfPixelCenters, KernelSet kernels)
        : base(name, [input], input.OutputShape with { Height = input.OutputShape.Height * factor, Width = input.OutputShape.Width * factor })
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        AlignCorners = alignCorners;
        HalfPixelCenters = halfPixelCenters;
        _kernel = kernels.ResizeBilinear;
        _chwKernel = kernels.ChwResizeBilinear;
    }

    public bool AlignCorners { get; }

    public bool HalfPixelCenters { get; }

    public override void Forward(NetworkActivations activations) =>
        _kernel.Run(Inputs[0].OutputShape, OutputShape, AlignCorners, HalfPixelCenters, activations[Inputs[0]], activations[this]);

    public override void ForwardFused(NetworkActivations activations)
    {
        if (Layout == TensorLayout.Chw)
        {
            _chwKernel.Run(Inputs[0].OutputShape, OutputShape, AlignCorners, HalfPixelCenters, activations[Inputs[0]], activations[this]);
        }
        else
        {
            Forward(activations);
        }
    }
}
