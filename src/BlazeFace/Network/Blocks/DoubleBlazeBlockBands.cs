using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Blocks;

/// <summary>
/// A double BlazeBlock run band by band, its four convolutions in turn on each band of output rows, so the three
/// intermediates (the first depthwise output, the narrow projection, the second depthwise output) live in scratch,
/// a few rows at a time, instead of going through memory as whole tensors. Only the block's input and output travel
/// beyond L2.
/// </summary>
/// <remarks>
/// <para>
/// The second depthwise reads one projected row above and below its band, so the projection runs one row ahead: a
/// window of projected rows in scratch keeps the two rows the next band shares with this one (moved to its front
/// before the next band), and each band projects only rows no band has projected yet. No row is computed twice.
/// </para>
/// <para>
/// Every value is computed by the same kernels, with the same arithmetic, as a whole-tensor run, so any band height
/// gives the same bits. A strided block pools the band's shortcut rows into scratch too.
/// </para>
/// </remarks>
internal sealed class DoubleBlazeBlockBands
{
    private readonly DepthwiseConv2D _depthwise1;
    private readonly Conv2D _projection;
    private readonly DepthwiseConv2D _depthwise2;
    private readonly Conv2D _expansion;
    private readonly BlazeBlockShortcut _shortcut;
    private readonly ReLU _output;
    private readonly int _depthwise1Floats;
    private readonly int _windowFloats;
    private readonly int _depthwise2Floats;

    /// <param name="depthwise1">The first depthwise 3x3, reading the block's input.</param>
    /// <param name="projection">The 1x1 projection (ReLU fused) reading <paramref name="depthwise1"/>.</param>
    /// <param name="depthwise2">The second depthwise 3x3, reading the projection's ReLU.</param>
    /// <param name="expansion">The 1x1 expansion reading <paramref name="depthwise2"/>.</param>
    /// <param name="shortcut">The block's shortcut.</param>
    /// <param name="output">The layer whose storage receives the block's output.</param>
    /// <param name="forcedRows">A band height to use instead of <see cref="BandHeight"/>'s choice.</param>
    public DoubleBlazeBlockBands(DepthwiseConv2D depthwise1, Conv2D projection, DepthwiseConv2D depthwise2, Conv2D expansion, BlazeBlockShortcut shortcut, ReLU output, int? forcedRows)
    {
        _depthwise1 = depthwise1;
        _projection = projection;
        _depthwise2 = depthwise2;
        _expansion = expansion;
        _shortcut = shortcut;
        _output = output;

        Conv2DGeometry g = depthwise1.Geometry;
        int height = g.Output.Height;
        int inputRow = g.Input.Width * g.Input.Channels, middleRow = g.Output.Width * g.Output.Channels;
        int projectedRow = ProjectedRowFloats, outputRow = output.OutputShape.Width * output.OutputShape.Channels;
        int floatsPerRow = (g.StrideHeight * inputRow) + middleRow + (2 * projectedRow) + outputRow + (shortcut.Pool is null ? 0 : middleRow);
        int fixedFloats = ((g.KernelHeight - g.StrideHeight) * inputRow) + middleRow + (2 * projectedRow);
        Rows = BandHeight.Choose(height, floatsPerRow, fixedFloats, forcedRows);

        // A band projects at most Rows + 1 new rows (the first band, one row ahead) and its window holds Rows + 2.
        _depthwise1Floats = ActivationPlan.AlignUp(Math.Min(Rows + 1, height) * middleRow);
        _windowFloats = ActivationPlan.AlignUp(Math.Min(Rows + 2, height) * projectedRow);
        _depthwise2Floats = ActivationPlan.AlignUp(Rows * projectedRow);
        ScratchFloats = _depthwise1Floats + _windowFloats + _depthwise2Floats + ActivationPlan.AlignUp(shortcut.ScratchFloats(Rows));
    }

    /// <summary>Output rows per band.</summary>
    public int Rows { get; }

    /// <summary>
    /// Scratch for one band's first depthwise rows, the window of projected rows, the second depthwise rows and the
    /// pooled shortcut rows.
    /// </summary>
    public int ScratchFloats { get; }

    private int ProjectedRowFloats => _projection.OutputShape.Width * _projection.OutputShape.Channels;

    public void Forward(NetworkActivations activations)
    {
        ReadOnlySpan<float> input = activations[_depthwise1.Inputs[0]];
        Span<float> output = activations[_output];
        Span<float> scratch = activations.Scratch;
        Span<float> depthwise1 = scratch[.._depthwise1Floats];
        Span<float> window = scratch.Slice(_depthwise1Floats, _windowFloats);
        Span<float> depthwise2 = scratch.Slice(_depthwise1Floats + _windowFloats, _depthwise2Floats);
        Span<float> shortcutScratch = scratch[(_depthwise1Floats + _windowFloats + _depthwise2Floats)..ScratchFloats];

        TensorShape outShape = _output.OutputShape;
        int height = outShape.Height, width = outShape.Width, projectedRow = ProjectedRowFloats;

        // The window holds projected rows [windowFirst, projectedEnd).
        int windowFirst = 0, projectedEnd = 0;
        for (int first = 0; first < height; first += Rows)
        {
            int rows = Math.Min(Rows, height - first), pixels = rows * width;
            int neededFirst = Math.Max(first - 1, 0), neededEnd = Math.Min(first + rows + 1, height);
            if (neededFirst > windowFirst)
            {
                window[((neededFirst - windowFirst) * projectedRow)..((projectedEnd - windowFirst) * projectedRow)].CopyTo(window);
                windowFirst = neededFirst;
            }

            int newRows = neededEnd - projectedEnd;
            if (newRows > 0)
            {
                _depthwise1.ForwardRows(new RowBand(projectedEnd, newRows, FirstInputRow: 0), input, depthwise1);
                _projection.ForwardPixels(
                    newRows * width,
                    depthwise1,
                    ConvolutionEpilogue.ReluOnly,
                    window.Slice((projectedEnd - windowFirst) * projectedRow, newRows * projectedRow));
                projectedEnd = neededEnd;
            }

            _depthwise2.ForwardRows(new RowBand(first, rows, windowFirst), window[..((projectedEnd - windowFirst) * projectedRow)], depthwise2);
            _expansion.ForwardPixels(
                pixels,
                depthwise2,
                _output.Epilogue(_shortcut.Rows(input, first, rows, shortcutScratch), _shortcut.Channels),
                output.Slice(first * width * outShape.Channels, pixels * outShape.Channels));
        }
    }
}
