using System.Runtime.Intrinsics;
using BlazeFace.Kernels.Chw;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Kernels.Depthwise;
using BlazeFace.Kernels.Elementwise;
using BlazeFace.Kernels.Padding;
using BlazeFace.Kernels.Pooling;
using BlazeFace.Kernels.Resize;
using BlazeFace.Kernels.Simd;
using BlazeFace.Kernels.Sparse;

namespace BlazeFace.Kernels;

/// <summary>
/// The kernel chosen for each operation. Layers only ever talk to these interfaces, so a faster kernel replaces a
/// slower one here without touching the network.
/// </summary>
/// <remarks>
/// Every kernel's hot method is marked <see cref="System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization"/>:
/// left to tiered compilation, a kernel called once per run with long loops can keep running its unoptimised or
/// on-stack-replacement code for many runs (measured: the sparse model's first convolution at 0.4 ms in one run and
/// 4.5 ms in the next, for thousands of runs in a loaded process), and a kernel gains nothing from profile-guided
/// recompilation.
/// </remarks>
internal sealed class KernelSet
{
    private static readonly Lazy<KernelSet> s_default = new(() => Create(Widest));

    public required VectorWidth Width { get; init; }

    public required IConv2DKernel Conv2D { get; init; }

    public required IPointwiseConv2DKernel PointwiseConv2D { get; init; }

    public required IDepthwiseConv2DKernel DepthwiseConv2D { get; init; }

    public required IMaxPool2DKernel MaxPool2D { get; init; }

    public required IChannelPaddingKernel ChannelPadding { get; init; }

    public required IAddKernel Add { get; init; }

    public required IReluKernel Relu { get; init; }

    public required IPReluKernel PRelu { get; init; }

    public required IResizeBilinearKernel ResizeBilinear { get; init; }

    /// <summary>1x1 convolution of channel-major tensors that skips the filter's zeros.</summary>
    public required IChwSparsePointwiseKernel ChwSparsePointwise { get; init; }

    /// <summary>3x3 depthwise convolution of channel-major tensors.</summary>
    public required IChwDepthwiseConv2DKernel ChwDepthwiseConv2D { get; init; }

    /// <summary>3x3 convolution from an interleaved input to channel-major output.</summary>
    public required IHwcToChwConv2DKernel HwcToChwConv2D { get; init; }

    /// <summary>Bilinear resize of channel-major tensors.</summary>
    public required IChwResizeBilinearKernel ChwResizeBilinear { get; init; }

    /// <summary>Plain loops with no SIMD: the reference every other kernel is compared with.</summary>
    public static KernelSet Scalar { get; } = new()
    {
        Width = VectorWidth.Scalar,
        Conv2D = ScalarConv2DKernel.Instance,
        PointwiseConv2D = ScalarPointwiseConv2DKernel.Instance,
        DepthwiseConv2D = ScalarDepthwiseConv2DKernel.Instance,
        MaxPool2D = ScalarMaxPool2DKernel.Instance,
        ChannelPadding = ScalarChannelPaddingKernel.Instance,
        Add = ScalarAddKernel.Instance,
        Relu = ScalarReluKernel.Instance,
        PRelu = ScalarPReluKernel.Instance,
        ResizeBilinear = ScalarResizeBilinearKernel.Instance,
        ChwSparsePointwise = ScalarChwSparsePointwiseKernel.Instance,
        ChwDepthwiseConv2D = ScalarChwDepthwiseConv2DKernel.Instance,
        HwcToChwConv2D = ScalarHwcToChwConv2DKernel.Instance,
        ChwResizeBilinear = ScalarChwResizeBilinearKernel.Instance,
    };

    /// <summary>The fastest kernels this machine supports: those of <see cref="Widest"/>.</summary>
    public static KernelSet Default => s_default.Value;

    /// <summary>
    /// Whether multiply-adds are fused on this machine (x86 FMA, Arm AdvSimd): the vector arithmetic uses fused
    /// multiply-add exactly where the hardware has it, and two operations elsewhere.
    /// </summary>
    public static bool FusedMultiplyAdd => System.Runtime.Intrinsics.X86.Fma.IsSupported || System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported;

    /// <summary>What runs, for logs: "managed kernels: 512-bit vectors, fused multiply-add".</summary>
    public string Description => Width switch
    {
        VectorWidth.Scalar => "managed kernels: scalar (no hardware vectors)",
        _ => $"managed kernels: {Width.Bits()}-bit vectors, {(FusedMultiplyAdd ? "fused multiply-add" : "separate multiply and add (no FMA)")}",
    };

    /// <summary>The widest vectors the hardware accelerates (<see cref="VectorWidth.Scalar"/> if none).</summary>
    public static VectorWidth Widest =>
        IsSupported(VectorWidth.V512) ? VectorWidth.V512
        : IsSupported(VectorWidth.V256) ? VectorWidth.V256
        : IsSupported(VectorWidth.V128) ? VectorWidth.V128
        : VectorWidth.Scalar;

    /// <summary>Every width this machine can run, narrowest first: what tests iterate over.</summary>
    public static IReadOnlyList<VectorWidth> SupportedWidths =>
        [.. Enum.GetValues<VectorWidth>().Where(IsSupported)];

    /// <summary>
    /// Whether <paramref name="width"/> is hardware accelerated. A width also needs every narrower one, because its
    /// kernels hand tensors with fewer channels than one vector down to the next narrower width.
    /// </summary>
    public static bool IsSupported(VectorWidth width) => width switch
    {
        VectorWidth.Scalar => true,
        VectorWidth.V128 => Vector128.IsHardwareAccelerated,
        VectorWidth.V256 => Vector256.IsHardwareAccelerated && IsSupported(VectorWidth.V128),
        VectorWidth.V512 => Vector512.IsHardwareAccelerated && IsSupported(VectorWidth.V256),
        _ => false,
    };

    /// <summary>The kernels of one vector width; each hands tensors narrower than its vectors to the next narrower set.</summary>
    /// <param name="width">The width to create.</param>
    /// <exception cref="NotSupportedException">This machine does not accelerate <paramref name="width"/>.</exception>
    public static KernelSet Create(VectorWidth width)
    {
        if (!IsSupported(width))
        {
            throw new NotSupportedException($"This machine does not accelerate {width} vectors; it supports {string.Join(", ", SupportedWidths)}.");
        }

        return width switch
        {
            VectorWidth.V128 => Vectorised<Vector128<float>, Vector128Arithmetic>(width, Scalar, narrowGemmByItself: true),
            VectorWidth.V256 => Vectorised<Vector256<float>, Vector256Arithmetic>(width, Create(VectorWidth.V128), narrowGemmByItself: false),
            VectorWidth.V512 => Vectorised<Vector512<float>, Vector512Arithmetic>(width, Create(VectorWidth.V256), narrowGemmByItself: false),
            _ => Scalar,
        };
    }

    /// <param name="width">The width <typeparamref name="TArith"/> computes at.</param>
    /// <param name="narrower">The kernels for tensors with fewer channels than one vector.</param>
    /// <param name="narrowGemmByItself">
    /// The convolutions of the narrowest width keep outputs of fewer channels than a vector (the 1- and 2-channel
    /// heads) instead of handing them to scalar loops, which would be many times slower.
    /// </param>
    private static KernelSet Vectorised<TVector, TArith>(VectorWidth width, KernelSet narrower, bool narrowGemmByItself)
        where TVector : struct
        where TArith : struct, IVectorArithmetic<TVector> => new()
    {
        Width = width,
        Conv2D = new Conv2DKernel<TVector, TArith>(narrowGemmByItself ? null : narrower.Conv2D),
        PointwiseConv2D = new PointwiseConv2DKernel<TVector, TArith>(narrowGemmByItself ? null : narrower.PointwiseConv2D),
        DepthwiseConv2D = new DepthwiseConv2DKernel<TVector, TArith>(narrower.DepthwiseConv2D),
        MaxPool2D = new MaxPool2DKernel<TVector, TArith>(narrower.MaxPool2D),
        ChannelPadding = new ChannelPaddingKernel<TVector, TArith>(),
        Add = TensorPrimitivesAddKernel.Instance,
        Relu = TensorPrimitivesReluKernel.Instance,
        PRelu = new PReluKernel<TVector, TArith>(),
        ResizeBilinear = new ResizeBilinearKernel<TVector, TArith>(narrower.ResizeBilinear),
        ChwSparsePointwise = new ChwSparsePointwiseKernel<TVector, TArith>(narrower.ChwSparsePointwise),
        ChwDepthwiseConv2D = new ChwDepthwiseConv2DKernel<TVector, TArith>(narrower.ChwDepthwiseConv2D),
        HwcToChwConv2D = new HwcToChwConv2DKernel<TVector, TArith>(narrower.HwcToChwConv2D),
        ChwResizeBilinear = new ChwResizeBilinearKernel<TVector, TArith>(narrower.ChwResizeBilinear),
    };
}
