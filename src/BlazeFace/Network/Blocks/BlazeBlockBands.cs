using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Blocks;

/// <summary>
/// A single BlazeBlock run band by band: for each band of output rows, the depthwise 3x3 computes the band's rows into
/// scratch and the 1x1 convolution turns them at once into the block's output rows, adding the shortcut's rows and
/// applying the activation in its epilogue. The depthwise output never goes through memory beyond L2, and the block's
/// input rows are still in cache when the epilogue reads them again as the shortcut.
/// </summary>
/// <remarks>
/// Each value is computed by the same kernels, with the same arithmetic, as a whole-tensor run, so any band height
/// gives the same bits. A strided block pools the band's shortcut rows into scratch too.
/// </remarks>
internal sealed class BlazeBlockBands
{
    private readonly DepthwiseConv2D _depthwise;
    private readonly Conv2D _pointwise;
    private readonly BlazeBlockShortcut _shortcut;
    private readonly ActivationLayer _output;
    private readonly int _middleFloats;

    /// <param name="depthwise">The block's depthwise 3x3, reading the block's input.</param>
    /// <param name="pointwise">The 1x1 convolution reading <paramref name="depthwise"/>.</param>
    /// <param name="shortcut">The block's shortcut.</param>
    /// <param name="output">The block's activation: its storage receives the block's output, and it is fused, after the residual add, into <paramref name="pointwise"/>.</param>
    /// <param name="forcedRows">A band height to use instead of <see cref="BandHeight"/>'s choice.</param>
    public BlazeBlockBands(DepthwiseConv2D depthwise, Conv2D pointwise, BlazeBlockShortcut shortcut, ActivationLayer output, int? forcedRows)
    {
        _depthwise = depthwise;
        _pointwise = pointwise;
        _shortcut = shortcut;
        _output = output;

        Conv2DGeometry g = depthwise.Geometry;
        int inputRow = g.Input.Width * g.Input.Channels, middleRow = g.Output.Width * g.Output.Channels;
        int floatsPerRow = (g.StrideHeight * inputRow) + middleRow + (pointwise.OutputShape.Width * pointwise.OutputShape.Channels)
            + (shortcut.Pool is null ? 0 : middleRow);
        Rows = BandHeight.Choose(g.Output.Height, floatsPerRow, fixedFloats: (g.KernelHeight - g.StrideHeight) * inputRow, forcedRows);
        _middleFloats = ActivationPlan.AlignUp(Rows * middleRow);
        ScratchFloats = _middleFloats + ActivationPlan.AlignUp(shortcut.ScratchFloats(Rows));
    }

    /// <summary>Output rows per band.</summary>
    public int Rows { get; }

    /// <summary>Scratch for one band of the depthwise output and of the pooled shortcut.</summary>
    public int ScratchFloats { get; }

    public void Forward(NetworkActivations activations)
    {
        ReadOnlySpan<float> input = activations[_depthwise.Inputs[0]];
        Span<float> output = activations[_output];
        Span<float> middle = activations.Scratch[.._middleFloats];
        Span<float> shortcutScratch = activations.Scratch[_middleFloats..ScratchFloats];

        TensorShape outShape = _output.OutputShape;
        int width = outShape.Width;
        for (int first = 0; first < outShape.Height; first += Rows)
        {
            int rows = Math.Min(Rows, outShape.Height - first), pixels = rows * width;
            _depthwise.ForwardRows(new RowBand(first, rows, FirstInputRow: 0), input, middle);
            _pointwise.ForwardPixels(
                pixels,
                middle,
                _output.Epilogue(_shortcut.Rows(input, first, rows, shortcutScratch), _shortcut.Channels),
                output.Slice(first * width * outShape.Channels, pixels * outShape.Channels));
        }
    }
}
