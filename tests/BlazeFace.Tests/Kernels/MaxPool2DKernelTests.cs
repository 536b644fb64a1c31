using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Kernels;

public class MaxPool2DKernelTests
{
    private static IEnumerable<string> AllWidths => KernelSets.All.Select(set => set.Name);

    [Test]
    public void Matches_scalar_for_every_channel_count(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(1, 3, 7, 8, 15, 16, 17, 24, 28, 33, 42, 88, 96)] int channels) =>
        AssertMatchesScalar(width, new TensorShape(8, 9, channels), pool: 2, stride: 2, same: true);

    [TestCaseSource(typeof(KernelWidths), nameof(KernelWidths.OddWindowGeometries), new object[] { new[] { 2, 3 } })]
    public void Matches_scalar_for_odd_sizes_strides_and_paddings(string width, int[] size, int pool, int stride, bool same) =>
        AssertMatchesScalar(width, new TensorShape(size[0], size[1], 28), pool, stride, same);

    [Test]
    public void Every_band_of_rows_equals_the_same_rows_of_the_whole_run(
        [ValueSource(nameof(AllWidths))] string width,
        [Values(3, 16, 28, 33)] int channels,
        [Values(true, false)] bool same,
        [Values(1, 2, 3)] int bandRows)
    {
        var input = new TensorShape(11, 9, channels);
        var geometry = TestTensors.Geometry(input, channels, kernel: 2, stride: 2, same);
        int inputRow = input.Width * channels, outputRow = geometry.Output.Width * channels;
        float[] data = TestTensors.Random(input.Length, 4);
        var whole = new float[geometry.Output.Length];
        var kernel = KernelSets.ByName(width).MaxPool2D;
        kernel.Run(geometry, data, whole);

        for (int first = 0; first < geometry.Output.Height; first += bandRows)
        {
            var band = new RowBand(first, Math.Min(bandRows, geometry.Output.Height - first), FirstInputRow: 0);
            var (firstInput, endInput) = band.InputRows(geometry);

            // NaN rows around the band's input rows: a read outside them would show in the output.
            float[] window = new float[(endInput - firstInput + 2) * inputRow];
            Array.Fill(window, float.NaN);
            data.AsSpan(firstInput * inputRow, (endInput - firstInput) * inputRow).CopyTo(window.AsSpan(inputRow));
            var rows = new float[band.OutputRows * outputRow];

            kernel.RunRows(geometry, band with { FirstInputRow = firstInput }, window.AsSpan(inputRow, (endInput - firstInput) * inputRow), rows);

            Assert.That(rows, Is.EqualTo(whole.AsSpan(first * outputRow, rows.Length).ToArray()), $"output rows [{first}, {band.EndOutputRow})");
        }
    }

    private static void AssertMatchesScalar(string width, TensorShape input, int pool, int stride, bool same)
    {
        var geometry = TestTensors.Geometry(input, input.Channels, pool, stride, same);
        float[] data = TestTensors.Random(input.Length, 1);
        var expected = new float[geometry.Output.Length];
        var actual = new float[geometry.Output.Length];

        KernelSet.Scalar.MaxPool2D.Run(geometry, data, expected);
        KernelWidths.Create(width).MaxPool2D.Run(geometry, data, actual);

        Assert.That(actual, Is.EqualTo(expected));
    }
}
