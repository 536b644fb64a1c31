using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Network.Blocks;

/// <summary>
/// How a BlazeBlock ends, fused into its last 1x1 convolution: the add of <paramref name="residualRows"/> (the
/// shortcut's rows of one band, <paramref name="residualChannels"/> per pixel) and the activation (ReLU, or PReLU in
/// the face-landmark network).
/// </summary>
internal delegate ConvolutionEpilogue BlockEnding(ReadOnlySpan<float> residualRows, int residualChannels);
