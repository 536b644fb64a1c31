using BlazeFace.Kernels.Convolution;
using BlazeFace.Kernels.Simd;

namespace BlazeFace.Kernels.Chw;

/// <summary>
/// The CHW 3x3 depthwise convolution, vectorised along each plane: planes at stride 1 with a one-pixel border and rows
/// at least three vectors wide read their rows in place (<see cref="ChwDepthwiseRowPairs{TVector, TArith}"/>); every other shape is copied into
/// zero-bordered phase planes and computed as one run over the plane (<see cref="ChwDepthwisePhasePlanes{TVector, TArith}"/>).
/// </summary>
/// <remarks>Shapes neither path takes (planes smaller than a vector, scratch larger than the stack budget) go to <c>narrower</c>.</remarks>
internal sealed class ChwDepthwiseConv2DKernel<TVector, TArith> : IChwDepthwiseConv2DKernel
    where TVector : struct
    where TArith : struct, IVectorArithmetic<TVector>
{
    private readonly IChwDepthwiseConv2DKernel _narrower;

    public ChwDepthwiseConv2DKernel(IChwDepthwiseConv2DKernel narrower)
    {
        _narrower = narrower;
    }

    public float[] Pack(ReadOnlySpan<float> filter1hwc, int channels) => ChwDepthwiseChecks.Pack(filter1hwc, channels);

    public void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, bool relu)
    {
        if (ChwDepthwiseRowPairs<TVector, TArith>.Takes(geometry))
        {
            ChwDepthwiseChecks.Check(geometry, input, packedFilter, bias, output);
            ChwDepthwiseRowPairs<TVector, TArith>.Run(geometry, input, packedFilter, bias, output, relu);
        }
        else if (ChwDepthwisePhasePlanes<TVector, TArith>.Takes(geometry))
        {
            ChwDepthwiseChecks.Check(geometry, input, packedFilter, bias, output);
            ChwDepthwisePhasePlanes<TVector, TArith>.Run(geometry, input, packedFilter, bias, output, relu);
        }
        else
        {
            _narrower.Run(geometry, input, packedFilter, bias, output, relu);
        }
    }
}
