using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Kernels.Elementwise;

namespace BlazeFace.Network.Layers;

/// <summary>
/// Keras <c>PReLU(shared_axes=[1, 2])</c> (the face-landmark model's <c>p_re_lu_N</c> layers): TFLite PRELU with one
/// learned slope per channel, alpha [1, 1, C]. Out = x where x &gt;= 0, alpha[c] x x elsewhere.
/// </summary>
internal sealed class PReLU : ActivationLayer
{
    private readonly IPReluKernel _kernel;
    private float[]? _alpha;
    private float[]? _packedAlpha;

    public PReLU(string name, Layer input, KernelSet kernels)
        : base(name, input)
    {
        _kernel = kernels.PRelu;
    }

    public int Channels => OutputShape.Channels;

    public override IEnumerable<WeightVariable> Weights =>
    [
        new($"{Name}/Alpha", [1, 1, Channels], values => (_alpha, _packedAlpha) = (values, _kernel.Pack(values))),
    ];

    /// <summary>Makes the PReLU that follows a block's last layer, named as Keras names it (<c>p_re_lu_N</c>).</summary>
    public static Func<Layer, PReLU> Factory(LayerNamer names, KernelSet kernels) => input => new PReLU(names.Next("p_re_lu"), input, kernels);

    /// <summary>This PReLU as the epilogue of the convolution that feeds it.</summary>
    public override ConvolutionEpilogue Epilogue() => ConvolutionEpilogue.PReluOnly(Alpha);

    /// <summary>A residual add followed by this PReLU, as the epilogue of the convolution that feeds the add.</summary>
    public override ConvolutionEpilogue Epilogue(ReadOnlySpan<float> residual, int residualChannels) => new(residual, residualChannels, Alpha);

    public override void Forward(NetworkActivations activations) =>
        _kernel.Run(activations[Inputs[0]], _packedAlpha ?? throw Unassigned(), Channels, activations[this]);

    /// <summary>The slopes as the file holds them, one per channel (the fused epilogues read them unpacked).</summary>
    private float[] Alpha => _alpha ?? throw Unassigned();

    private InvalidOperationException Unassigned() => new($"Layer '{Name}' has no weights assigned.");
}
