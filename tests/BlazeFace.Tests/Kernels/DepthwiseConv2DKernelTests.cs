using BlazeFace.Kernels;
using BlazeFace.Kernels.Depthwise;

namespace BlazeFace.Tests.Kernels;

public class DepthwiseConv2DKernelTests
{
    private static readonly int[] s_channelCounts = [1, 3, 7, 8, 15, 16, 17, 24, 28, 33, 42, 88, 96];

    [Test]
    public void Matches_scalar_for_every_channel_count(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [ValueSource(nameof(s_channelCounts))] int channels,
        [Values(1, 2)] int stride) =>
        AssertMatchesScalar(width, new TensorShape(9, 10, channels), kernel: 3, stride, same: true, relu: false);

    [TestCaseSource(typeof(KernelWidths), nameof(KernelWidths.OddWindowGeometries), new object[] { new[] { 3 } })]
    public void Matches_scalar_for_odd_sizes_strides_and_paddings(string width, int[] size, int kernel, int stride, bool same)
    {
        AssertMatchesScalar(width, new TensorShape(size[0], size[1], 24), kernel, stride, same, relu: true);
    }

    [Test]
    public void Matches_scalar_for_window_sizes_other_than_3x3(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(1, 2, 5)] int kernel,
        [Values(1, 2)] int stride,
        [Values(17, 32)] int channels) =>
        AssertMatchesScalar(width, new TensorShape(7, 9, channels), kernel, stride, same: true, relu: false);

    [Test]
    public void Matches_scalar_for_rows_too_long_for_the_zero_row_buffer(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width) =>
        AssertMatchesScalar(width, new TensorShape(4, 300, 33), kernel: 3, stride: 1, same: true, relu: true);

    [Test]
    public void Applies_relu_when_asked(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(true, false)] bool relu) =>
        AssertMatchesScalar(width, new TensorShape(6, 6, 42), kernel: 3, stride: 1, same: true, relu);

    private static void AssertMatchesScalar(string width, TensorShape input, int kernel, int stride, bool same, bool relu)
    {
        var geometry = TestTensors.Geometry(input, input.Channels, kernel, stride, same);
        int channels = input.Channels;
        float[] data = TestTensors.Random(input.Length, 1);
        float[] filter = TestTensors.Random(kernel * kernel * channels, 2);
        float[] bias = TestTensors.Random(channels, 3);
        var expected = new float[geometry.Output.Length];
        var actual = new float[geometry.Output.Length];

        IDepthwiseConv2DKernel scalar = KernelSet.Scalar.DepthwiseConv2D, kernelUnderTest = KernelWidths.Create(width).DepthwiseConv2D;
        scalar.Run(geometry, data, scalar.Pack(filter, kernel, kernel, channels), bias, expected, relu);
        kernelUnderTest.Run(geometry, data, kernelUnderTest.Pack(filter, kernel, kernel, channels), bias, actual, relu);

        TestTensors.AssertClose(actual, expected, kernel * kernel);
    }
}
