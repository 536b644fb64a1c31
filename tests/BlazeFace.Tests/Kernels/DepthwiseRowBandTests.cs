using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Kernels.Depthwise;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Kernels;

/// <summary>
/// A depthwise convolution run on a band of output rows, from a buffer holding only the input rows the band reads,
/// gives exactly the values of those rows in a whole-tensor run, at every vector width.
/// </summary>
public class DepthwiseRowBandTests
{
    private static readonly int[] s_channelCounts = [3, 8, 17, 24, 32, 33];

    private static IEnumerable<string> AllWidths => KernelSets.All.Select(set => set.Name);

    [Test]
    public void Every_band_of_a_3x3_convolution_equals_the_same_rows_of_the_whole_run(
        [ValueSource(nameof(AllWidths))] string width,
        [ValueSource(nameof(s_channelCounts))] int channels,
        [Values(1, 2)] int stride,
        [Values(1, 2, 3, 5)] int bandRows) =>
        AssertBandsEqualWholeRun(width, new TensorShape(11, 10, channels), kernel: 3, stride, same: true, bandRows);

    [Test]
    public void Every_band_of_a_valid_or_larger_window_equals_the_same_rows_of_the_whole_run(
        [ValueSource(nameof(AllWidths))] string width,
        [Values(3, 5)] int kernel,
        [Values(1, 2)] int stride,
        [Values(true, false)] bool same) =>
        AssertBandsEqualWholeRun(width, new TensorShape(12, 9, 20), kernel, stride, same, bandRows: 2);

    [Test]
    public void A_band_of_rows_too_long_for_the_zero_row_buffer_equals_the_whole_run(
        [ValueSource(nameof(AllWidths))] string width) =>
        AssertBandsEqualWholeRun(width, new TensorShape(6, 300, 33), kernel: 3, stride: 1, same: true, bandRows: 2);

    [Test]
    public void An_input_buffer_starting_below_the_first_row_the_band_reads_is_refused()
    {
        // Output rows 4 and 5 read input rows 3 to 6, so a buffer starting at row 4 lacks row 3.
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RunBandOf8x8(new RowBand(4, 2, FirstInputRow: 4), inputRows: 4));
        Assert.That(error!.ParamName, Is.EqualTo("band"));
    }

    [Test]
    public void An_input_buffer_ending_before_the_last_row_the_band_reads_is_refused()
    {
        // Rows 3 to 6 are four rows; the buffer holds three.
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RunBandOf8x8(new RowBand(4, 2, FirstInputRow: 3), inputRows: 3));
        Assert.That(error!.ParamName, Is.EqualTo("input"));
    }

    [Test]
    public void A_band_reaching_past_the_last_output_row_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RunBandOf8x8(new RowBand(7, 2, FirstInputRow: 0), inputRows: 8));
        Assert.That(error!.ParamName, Is.EqualTo("band"));
    }

    /// <summary>A 3x3 'same' convolution of an 8x8x16 input, run on <paramref name="band"/> from a buffer of <paramref name="inputRows"/> rows.</summary>
    private static void RunBandOf8x8(RowBand band, int inputRows)
    {
        var geometry = TestTensors.Geometry(new TensorShape(8, 8, 16), 16, kernel: 3, stride: 1, same: true);
        IDepthwiseConv2DKernel kernel = KernelSet.Default.DepthwiseConv2D;
        float[] filter = kernel.Pack(new float[9 * 16], 3, 3, 16);
        kernel.RunRows(geometry, band, new float[inputRows * 8 * 16], filter, new float[16], new float[band.OutputRows * 8 * 16], relu: false);
    }

    /// <summary>
    /// Runs the whole tensor, then every band of <paramref name="bandRows"/> rows from a copy of just the input rows it
    /// reads, placed between NaN rows: a band that read one row too many would carry a NaN into its output.
    /// </summary>
    private static void AssertBandsEqualWholeRun(string width, TensorShape input, int kernel, int stride, bool same, int bandRows)
    {
        var geometry = TestTensors.Geometry(input, input.Channels, kernel, stride, same);
        int channels = input.Channels, inputRow = input.Width * channels, outputRow = geometry.Output.Width * channels;
        IDepthwiseConv2DKernel kernelUnderTest = KernelSets.ByName(width).DepthwiseConv2D;
        float[] data = TestTensors.Random(input.Length, 1);
        float[] filter = kernelUnderTest.Pack(TestTensors.Random(kernel * kernel * channels, 2), kernel, kernel, channels);
        float[] bias = TestTensors.Random(channels, 3);
        var whole = new float[geometry.Output.Length];
        kernelUnderTest.Run(geometry, data, filter, bias, whole, relu: true);

        for (int first = 0; first < geometry.Output.Height; first += bandRows)
        {
            var band = new RowBand(first, Math.Min(bandRows, geometry.Output.Height - first), FirstInputRow: 0);
            var (firstInput, endInput) = band.InputRows(geometry);
            float[] window = new float[(endInput - firstInput + 2) * inputRow];
            Array.Fill(window, float.NaN);
            data.AsSpan(firstInput * inputRow, (endInput - firstInput) * inputRow).CopyTo(window.AsSpan(inputRow));
            var rows = new float[band.OutputRows * outputRow];

            kernelUnderTest.RunRows(geometry, band with { FirstInputRow = firstInput }, window.AsSpan(inputRow, (endInput - firstInput) * inputRow), filter, bias, rows, relu: true);

            Assert.That(rows, Is.EqualTo(whole.AsSpan(first * outputRow, rows.Length).ToArray()), $"output rows [{first}, {band.EndOutputRow})");
        }
    }
}
