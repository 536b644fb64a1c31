using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Tests.Kernels;

public class Conv2DKernelTests
{
    [Test]
    public void Matches_scalar_for_the_short_range_stem(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width) =>
        AssertMatchesScalar(width, new TensorShape(128, 128, 3), outChannels: 24, kernel: 5, stride: 2, same: true, relu: true);

    [Test]
    public void Matches_scalar_for_the_full_range_stem(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width) =>
        AssertMatchesScalar(width, new TensorShape(192, 192, 3), outChannels: 32, kernel: 3, stride: 2, same: true, relu: true);

    [Test]
    public void Matches_scalar_for_every_output_channel_count(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(1, 3, 7, 8, 15, 16, 17, 24, 28, 33, 42, 88, 96)] int outChannels) =>
        AssertMatchesScalar(width, new TensorShape(7, 7, 3), outChannels, kernel: 3, stride: 2, same: true, relu: false);

    [TestCaseSource(typeof(KernelWidths), nameof(KernelWidths.OddWindowGeometries), new object[] { new[] { 1, 3, 5 } })]
    public void Matches_scalar_for_odd_sizes_strides_and_paddings(string width, int[] size, int kernel, int stride, bool same) =>
        AssertMatchesScalar(width, new TensorShape(size[0], size[1], 3), outChannels: 17, kernel, stride, same, relu: true);

    [Test]
    public void Matches_scalar_for_other_input_channel_counts(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(1, 8, 17)] int inChannels) =>
        AssertMatchesScalar(width, new TensorShape(9, 11, inChannels), outChannels: 24, kernel: 3, stride: 1, same: true, relu: false);

    [Test]
    public void Matches_scalar_for_rows_wider_than_the_stack_band(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width) =>
        AssertMatchesScalar(width, new TensorShape(3, 200, 24), outChannels: 33, kernel: 3, stride: 1, same: true, relu: true);

    [Test]
    public void Adds_the_residual_to_its_leading_channels_only(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width)
    {
        var geometry = TestTensors.Geometry(new TensorShape(8, 8, 3), 28, 3, 1, same: true);
        AssertMatchesScalar(width, geometry, residualChannels: 21, relu: true);
    }

    [Test]
    public void Matches_scalar_for_the_face_landmark_stem_with_prelu(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width)
    {
        var geometry = TestTensors.Geometry(new TensorShape(192, 192, 3), 16, 3, 2, same: true);
        AssertMatchesScalar(width, geometry, residualChannels: 0, relu: false, preluAlpha: TestTensors.Random(16, 5));
    }

    [Test]
    public void Applies_each_output_channels_prelu_slope(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(1, 3, 7, 8, 15, 16, 17, 33)] int outChannels)
    {
        var geometry = TestTensors.Geometry(new TensorShape(7, 9, 3), outChannels, 3, 2, same: true);
        AssertMatchesScalar(width, geometry, residualChannels: 0, relu: false, preluAlpha: TestTensors.Random(outChannels, 5));
    }

    [Test]
    public void Matches_scalar_for_the_face_landmark_outputs_one_pixel_from_a_3x3_stride_3_valid_window(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(1, 1404)] int outChannels) =>
        AssertMatchesScalar(width, new TensorShape(3, 3, 32), outChannels, kernel: 3, stride: 3, same: false, relu: false);

    private static void AssertMatchesScalar(string width, TensorShape input, int outChannels, int kernel, int stride, bool same, bool relu) =>
        AssertMatchesScalar(width, TestTensors.Geometry(input, outChannels, kernel, stride, same), residualChannels: 0, relu);

    private static void AssertMatchesScalar(string width, Conv2DGeometry geometry, int residualChannels, bool relu, float[]? preluAlpha = null)
    {
        int inChannels = geometry.Input.Channels, outChannels = geometry.Output.Channels, k = geometry.KernelHeight;
        float[] input = TestTensors.Random(geometry.Input.Length, 1);
        float[] filter = TestTensors.Random(outChannels * k * k * inChannels, 2);
        float[] bias = TestTensors.Random(outChannels, 3);
        float[] residual = TestTensors.Random(geometry.Output.Pixels * residualChannels, 4);
        var expected = new float[geometry.Output.Length];
        var actual = new float[geometry.Output.Length];

        IConv2DKernel scalar = KernelSet.Scalar.Conv2D, kernelUnderTest = KernelWidths.Create(width).Conv2D;
        scalar.Run(geometry, input, scalar.Pack(filter, outChannels, k, k, inChannels), bias, expected, Epilogue(residual, residualChannels, relu, preluAlpha));
        kernelUnderTest.Run(geometry, input, kernelUnderTest.Pack(filter, outChannels, k, k, inChannels), bias, actual, Epilogue(residual, residualChannels, relu, preluAlpha));

        TestTensors.AssertClose(actual, expected, k * k * inChannels);
    }

    private static ConvolutionEpilogue Epilogue(float[] residual, int residualChannels, bool relu, float[]? preluAlpha) =>
        preluAlpha is null ? new(residual, residualChannels, relu) : new(residual, residualChannels, preluAlpha);
}
