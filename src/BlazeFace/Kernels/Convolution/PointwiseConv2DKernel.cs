using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BlazeFace.Kernels.Gemm;
using BlazeFace.Kernels.Simd;

namespace BlazeFace.Kernels.Convolution;

/// <summary>
/// 1x1 convolution as a register-blocked GEMM (see <see cref="GemmKernel{TVector, TArith}"/>) on vectors of
/// <typeparamref name="TArith"/>'s width, with the epilogue applied in registers.
/// </summary>
/// <remarks>
/// Outputs of fewer channels than one vector are zero-padded to one (and, when they fill at most half of it and the
/// depth is even, two k-steps share each vector); only half-vector outputs with an odd depth go to <c>narrower</c>,
/// the next smaller width, or stay zero-padded at the narrowest width. The output must not overlap the input or the
/// residual: whole-vector stores run a few lanes into the next pixel before that pixel is computed.
/// </remarks>
internal sealed class PointwiseConv2DKernel<TVector, TArith> : IPointwiseConv2DKernel
    where TVector : struct
    where TArith : struct, IVectorArithmetic<TVector>
{
    private readonly IPointwiseConv2DKernel? _narrower;

    public PointwiseConv2DKernel(IPointwiseConv2DKernel? narrower)
    {
        _narrower = narrower;
    }

    public float[] Pack(ReadOnlySpan<float> filterOhwi, int outChannels, int inChannels) =>
        Narrower(outChannels, inChannels) is { } narrower
            ? narrower.Pack(filterOhwi, outChannels, inChannels)
            : new GemmFilterLayout(outChannels, inChannels, TArith.Count, allowPairs: true).Pack(filterOhwi);

    public void Run(int pixels, int inChannels, int outChannels, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, in ConvolutionEpilogue epilogue)
    {
        if (Narrower(outChannels, inChannels) is { } narrower)
        {
            narrower.Run(pixels, inChannels, outChannels, input, packedFilter, bias, output, epilogue);
            return;
        }

        var layout = new GemmFilterLayout(outChannels, inChannels, TArith.Count, allowPairs: true);
        GemmArguments.Check(layout, packedFilter, bias, output.Length, pixels, epilogue);
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Length, pixels * inChannels, nameof(input));
        if (pixels == 0)
        {
            return;
        }

        Span<float> narrowScratch = stackalloc float[GemmArguments.NarrowScratchVectors * TArith.Count];
        var destination = GemmArguments.Destination(layout, bias, narrowScratch, output, epilogue);
        GemmKernel<TVector, TArith>.Run(pixels, GemmInput.Contiguous(inChannels), ref MemoryMarshal.GetReference(input), inChannels, layout, ref MemoryMarshal.GetReference(packedFilter), ref destination, firstPixel: 0);
    }

    /// <summary>
    /// The narrower kernel takes outputs of at most half a vector that cannot pair k-steps (odd depth): at this width
    /// they would leave more than half of every vector idle. Up to a vector of outputs otherwise stays here, zero-padded
    /// (and paired when it is half a vector or less), which needs fewer instructions than two narrower vectors.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private IPointwiseConv2DKernel? Narrower(int outChannels, int inChannels) =>
        outChannels <= TArith.Count / 2 && !GemmFilterLayout.CanPair(outChannels, inChannels, TArith.Count) ? _narrower : null;
}
