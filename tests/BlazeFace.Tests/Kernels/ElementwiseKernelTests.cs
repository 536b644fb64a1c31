using BlazeFace.Kernels;

namespace BlazeFace.Tests.Kernels;

public class ElementwiseKernelTests
{
    [Test]
    public void Add_matches_scalar(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(1, 7, 17, 96, 1000)] int length,
        [Values(true, false)] bool relu)
    {
        float[] left = TestTensors.Random(length, 1), right = TestTensors.Random(length, 2);
        var expected = new float[length];
        var actual = new float[length];

        KernelSet.Scalar.Add.Run(left, right, expected, relu);
        KernelWidths.Create(width).Add.Run(left, right, actual, relu);

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Relu_matches_scalar(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(1, 7, 17, 96, 1000)] int length)
    {
        float[] input = TestTensors.Random(length, 1);
        var expected = new float[length];
        var actual = new float[length];

        KernelSet.Scalar.Relu.Run(input, expected);
        KernelWidths.Create(width).Relu.Run(input, actual);

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Channel_padding_matches_scalar(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(1, 3, 24, 33)] int inChannels,
        [Values(0, 1, 4, 20)] int padBefore,
        [Values(0, 2, 17)] int padAfter)
    {
        const int Pixels = 13;
        int outChannels = padBefore + inChannels + padAfter;
        float[] input = TestTensors.Random(Pixels * inChannels, 1);
        float[] expected = TestTensors.Random(Pixels * outChannels, 2);
        float[] actual = (float[])expected.Clone();

        KernelSet.Scalar.ChannelPadding.Run(Pixels, inChannels, padBefore, padAfter, input, expected);
        KernelWidths.Create(width).ChannelPadding.Run(Pixels, inChannels, padBefore, padAfter, input, actual);

        Assert.That(actual, Is.EqualTo(expected));
    }
}
