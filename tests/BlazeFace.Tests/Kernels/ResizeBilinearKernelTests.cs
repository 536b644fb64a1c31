using BlazeFace.Kernels;

namespace BlazeFace.Tests.Kernels;

public class ResizeBilinearKernelTests
{
    [Test]
    public void Matches_scalar_for_the_feature_pyramid_upsampling(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(new[] { 6, 96 }, new[] { 12, 64 }, new[] { 24, 48 })] int[] sizeAndChannels) =>
        AssertMatchesScalar(width, new TensorShape(sizeAndChannels[0], sizeAndChannels[0], sizeAndChannels[1]), new TensorShape(2 * sizeAndChannels[0], 2 * sizeAndChannels[0], sizeAndChannels[1]), alignCorners: false, halfPixelCenters: true);

    [Test]
    public void Matches_scalar_for_every_channel_count(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(1, 3, 7, 8, 15, 16, 17, 24, 28, 33, 42, 88, 96)] int channels) =>
        AssertMatchesScalar(width, new TensorShape(3, 5, channels), new TensorShape(7, 9, channels), alignCorners: false, halfPixelCenters: true);

    [Test]
    public void Matches_scalar_for_each_coordinate_rule(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(new[] { false, false }, new[] { true, false }, new[] { false, true })] bool[] alignCornersAndHalfPixelCenters,
        [Values(new[] { 1, 1, 3, 3 }, new[] { 3, 5, 7, 7 }, new[] { 7, 7, 3, 5 })] int[] sizes)
    {
        // TFLite rejects align_corners together with half_pixel_centers, so that pair is not a case.
        var (alignCorners, halfPixelCenters) = (alignCornersAndHalfPixelCenters[0], alignCornersAndHalfPixelCenters[1]);
        AssertMatchesScalar(width, new TensorShape(sizes[0], sizes[1], 17), new TensorShape(sizes[2], sizes[3], 17), alignCorners, halfPixelCenters);
    }

    [Test]
    public void Matches_scalar_for_outputs_wider_than_the_stack_column_tables(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width) =>
        AssertMatchesScalar(width, new TensorShape(2, 150, 17), new TensorShape(3, 300, 17), alignCorners: false, halfPixelCenters: true);

    private static void AssertMatchesScalar(string width, TensorShape input, TensorShape output, bool alignCorners, bool halfPixelCenters)
    {
        float[] data = TestTensors.Random(input.Length, 1);
        var expected = new float[output.Length];
        var actual = new float[output.Length];

        KernelSet.Scalar.ResizeBilinear.Run(input, output, alignCorners, halfPixelCenters, data, expected);
        KernelWidths.Create(width).ResizeBilinear.Run(input, output, alignCorners, halfPixelCenters, data, actual);

        TestTensors.AssertClose(actual, expected, 4);
    }
}
