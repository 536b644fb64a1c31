using BlazeFace.Kernels;

namespace BlazeFace.Tests.Kernels;

public class MaxPool2DKernelTests
{
    [Test]
    public void Matches_scalar_for_every_channel_count(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(1, 3, 7, 8, 15, 16, 17, 24, 28, 33, 42, 88, 96)] int channels) =>
        AssertMatchesScalar(width, new TensorShape(8, 9, channels), pool: 2, stride: 2, same: true);

    [TestCaseSource(typeof(KernelWidths), nameof(KernelWidths.OddWindowGeometries), new object[] { new[] { 2, 3 } })]
    public void Matches_scalar_for_odd_sizes_strides_and_paddings(string width, int[] size, int pool, int stride, bool same) =>
        AssertMatchesScalar(width, new TensorShape(size[0], size[1], 28), pool, stride, same);

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
