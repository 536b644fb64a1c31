using BlazeFace.Network;
using BlazeFace.Network.Layers;

namespace BlazeFace.Tests.Network;

/// <summary>'same' and 'valid' padding give TensorFlow's output sizes and put the odd pixel at the end.</summary>
public class TensorFlowPaddingTests
{
    [TestCase(128, 5, 2, 64, 1)]
    [TestCase(64, 3, 2, 32, 0)]
    [TestCase(64, 3, 1, 64, 1)]
    [TestCase(192, 3, 2, 96, 0)]
    [TestCase(65, 3, 2, 33, 1)]
    [TestCase(16, 2, 2, 8, 0)]
    [TestCase(1, 3, 1, 1, 1)]
    public void Same_padding_matches_tensorflow(int input, int kernel, int stride, int expectedOutput, int expectedPadBefore)
    {
        Assert.That(TensorFlowPadding.Compute(input, kernel, stride, PaddingMode.Same), Is.EqualTo((expectedOutput, expectedPadBefore)));
    }

    [TestCase(64, 1, 1, 64)]
    [TestCase(7, 3, 2, 3)]
    [TestCase(8, 3, 2, 3)]
    public void Valid_padding_never_pads(int input, int kernel, int stride, int expectedOutput)
    {
        Assert.That(TensorFlowPadding.Compute(input, kernel, stride, PaddingMode.Valid), Is.EqualTo((expectedOutput, 0)));
    }

    [Test]
    public void Valid_window_larger_than_input_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => TensorFlowPadding.Compute(2, 3, 1, PaddingMode.Valid));
    }
}
