using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Network.Layers;

/// <summary>
/// An activation a convolution can apply in its epilogue (ReLU, PReLU), so that the blocks fusing one are written
/// once for both: the detectors' blocks end in ReLU, the face-landmark network's in PReLU.
/// </summary>
internal abstract class ActivationLayer : Layer
{
    protected ActivationLayer(string name, Layer input)
        : base(name, [input], input.OutputShape)
    {
    }

    /// <summary>This activation as the epilogue of the convolution that feeds it.</summary>
    public abstract ConvolutionEpilogue Epilogue();

    /// <summary>A residual add followed by this activation, as the epilogue of the convolution that feeds the add.</summary>
    public abstract ConvolutionEpilogue Epilogue(ReadOnlySpan<float> residual, int residualChannels);
}
