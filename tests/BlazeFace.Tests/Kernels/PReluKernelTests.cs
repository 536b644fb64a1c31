using BlazeFace.Kernels;
using BlazeFace.Kernels.Elementwise;

namespace BlazeFace.Tests.Kernels;

/// <summary>The vectorised PReLU gives the scalar twin's outputs bit for bit, at every width and channel count.</summary>
public class PReluKernelTests
{
    // Below, equal to, above and not a multiple of 4, 8 and 16 lanes, and the network's own 16, 32, 64 and 128.
    private static readonly int[] s_channelCounts = [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 64, 100, 128];

    [Test]
    public void Matches_scalar_for_every_channel_count(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [ValueSource(nameof(s_channelCounts))] int channels,
        [Values(1, 2, 7, 36)] int pixels)
    {
        float[] input = TestTensors.Random(pixels * channels, 1);
        float[] alpha = TestTensors.Random(channels, 2);
        var expected = new float[input.Length];
        var actual = new float[input.Length];

        Run(KernelSet.Scalar.PRelu, input, alpha, channels, expected);
        Run(KernelWidths.Create(width).PRelu, input, alpha, channels, actual);

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Keeps_non_negative_values_and_scales_negative_ones_by_their_channels_slope(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Supported))] string width)
    {
        float[] input = [2f, -2f, 0f, -0.5f, -1f, 3f];
        float[] alpha = [0.25f, 0.5f, -1f];

        var output = new float[input.Length];
        Run(KernelWidths.Create(width).PRelu, input, alpha, channels: 3, output);

        Assert.That(output, Is.EqualTo(new[] { 2f, -1f, 0f, -0.125f, -0.5f, 3f }));
    }

    [Test]
    public void Runs_in_place(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Supported))] string width,
        [Values(3, 16, 33)] int channels)
    {
        IPReluKernel kernel = KernelWidths.Create(width).PRelu;
        float[] input = TestTensors.Random(11 * channels, 3);
        float[] alpha = TestTensors.Random(channels, 4);
        var expected = new float[input.Length];
        Run(kernel, input, alpha, channels, expected);

        Run(kernel, input, alpha, channels, input);

        Assert.That(input, Is.EqualTo(expected));
    }

    [Test]
    public void Refuses_an_output_that_overlaps_the_input_shifted(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Supported))] string width)
    {
        IPReluKernel kernel = KernelWidths.Create(width).PRelu;
        float[] buffer = new float[40];
        float[] packed = kernel.Pack(new float[4]);

        var error = Assert.Throws<ArgumentException>(() => kernel.Run(buffer.AsSpan(0, 32), packed, 4, buffer.AsSpan(4, 32)));
        Assert.That(error!.ParamName, Is.EqualTo("output"));
    }

    [Test]
    public void Refuses_an_output_that_is_not_whole_pixels(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Supported))] string width)
    {
        IPReluKernel kernel = KernelWidths.Create(width).PRelu;
        float[] packed = kernel.Pack(new float[3]);

        var error = Assert.Throws<ArgumentException>(() => kernel.Run(new float[10], packed, 3, new float[10]));
        Assert.That(error!.ParamName, Is.EqualTo("output"));
    }

    private static void Run(IPReluKernel kernel, float[] input, float[] alpha, int channels, float[] output) =>
        kernel.Run(input, kernel.Pack(alpha), channels, output);
}
