using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Tests.Kernels;

public class PointwiseConv2DKernelTests
{
    private static readonly int[] s_channelCounts = [1, 3, 7, 8, 15, 16, 17, 24, 28, 33, 42, 88, 96];

    [Test]
    public void Matches_scalar_for_every_output_channel_count(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [ValueSource(nameof(s_channelCounts))] int outChannels) =>
        AssertMatchesScalar(width, pixels: 35, inChannels: 24, outChannels, residualChannels: 0, relu: false);

    [Test]
    public void Matches_scalar_for_every_input_channel_count(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [ValueSource(nameof(s_channelCounts))] int inChannels) =>
        AssertMatchesScalar(width, pixels: 35, inChannels, outChannels: 28, residualChannels: 0, relu: true);

    [Test]
    public void Matches_scalar_for_pixel_counts_that_leave_partial_tiles(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(1, 2, 3, 5, 7, 15, 25, 49, 4096)] int pixels) =>
        AssertMatchesScalar(width, pixels, inChannels: 17, outChannels: 42, residualChannels: 33, relu: true);

    [Test]
    public void Adds_the_residual_to_its_leading_channels_only(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(1, 7, 8, 16, 17, 24, 41, 42)] int residualChannels) =>
        AssertMatchesScalar(width, pixels: 23, inChannels: 24, outChannels: 42, residualChannels, relu: false);

    [Test]
    public void Adds_a_residual_to_outputs_narrower_than_a_vector(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(1, 2, 3, 7, 15)] int outChannels) =>
        AssertMatchesScalar(width, pixels: 9, inChannels: 8, outChannels, residualChannels: outChannels - 1 > 0 ? outChannels - 1 : 1, relu: true);

    [Test]
    public void Matches_scalar_for_narrow_outputs_of_odd_depth(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(1, 3, 8, 12)] int outChannels,
        [Values(7, 33)] int inChannels) =>
        AssertMatchesScalar(width, pixels: 21, inChannels, outChannels, residualChannels: 1, relu: true);

    [Test]
    public void Matches_scalar_for_the_network_shapes(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(new[] { 4096, 24, 28 }, new[] { 256, 88, 2 }, new[] { 64, 96, 6 }, new[] { 2304, 48, 1 }, new[] { 9216, 32, 8 }, new[] { 36, 384, 96 }, new[] { 36, 96, 384 })] int[] shape) =>
        AssertMatchesScalar(width, shape[0], shape[1], shape[2], residualChannels: Math.Min(shape[1], shape[2]), relu: true);

    [Test]
    public void Applies_each_output_channels_prelu_slope_after_the_residual(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [ValueSource(nameof(s_channelCounts))] int outChannels,
        [Values(0, 1, 16)] int residualChannels) =>
        AssertMatchesScalar(width, pixels: 35, inChannels: 16, outChannels, Math.Min(residualChannels, outChannels), relu: false, preluAlpha: TestTensors.Random(outChannels, 5));

    [Test]
    public void Applies_prelu_to_narrow_outputs_of_even_and_odd_depth(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(1, 2, 3, 7)] int outChannels,
        [Values(8, 33)] int inChannels) =>
        AssertMatchesScalar(width, pixels: 21, inChannels, outChannels, residualChannels: 1, relu: false, preluAlpha: TestTensors.Random(outChannels, 5));

    [Test]
    public void Matches_scalar_for_the_face_landmark_shapes_with_prelu(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(new[] { 9216, 16, 16 }, new[] { 2304, 16, 32 }, new[] { 576, 32, 64 }, new[] { 144, 64, 128 }, new[] { 9, 128, 128 }, new[] { 9, 128, 32 })] int[] shape) =>
        AssertMatchesScalar(width, shape[0], shape[1], shape[2], residualChannels: Math.Min(shape[1], shape[2]), relu: false, preluAlpha: TestTensors.Random(shape[2], 5));

    private static void AssertMatchesScalar(string width, int pixels, int inChannels, int outChannels, int residualChannels, bool relu, float[]? preluAlpha = null)
    {
        float[] input = TestTensors.Random(pixels * inChannels, 1);
        float[] filter = TestTensors.Random(outChannels * inChannels, 2);
        float[] bias = TestTensors.Random(outChannels, 3);
        float[] residual = TestTensors.Random(pixels * residualChannels, 4);
        var expected = new float[pixels * outChannels];
        var actual = new float[pixels * outChannels];

        IPointwiseConv2DKernel scalar = KernelSet.Scalar.PointwiseConv2D, kernel = KernelWidths.Create(width).PointwiseConv2D;
        scalar.Run(pixels, inChannels, outChannels, input, scalar.Pack(filter, outChannels, inChannels), bias, expected, Epilogue(residual, residualChannels, relu, preluAlpha));
        kernel.Run(pixels, inChannels, outChannels, input, kernel.Pack(filter, outChannels, inChannels), bias, actual, Epilogue(residual, residualChannels, relu, preluAlpha));

        TestTensors.AssertClose(actual, expected, inChannels);
    }

    private static ConvolutionEpilogue Epilogue(float[] residual, int residualChannels, bool relu, float[]? preluAlpha) =>
        preluAlpha is null ? new(residual, residualChannels, relu) : new(residual, residualChannels, preluAlpha);
}
