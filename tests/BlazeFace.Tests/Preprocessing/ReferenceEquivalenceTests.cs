using BlazeFace.Imaging;
using BlazeFace.Preprocessing;

namespace BlazeFace.Tests.Preprocessing;

/// <summary>The fast converter against the plain double-precision definition, over awkward shapes.</summary>
public class ReferenceEquivalenceTests
{
    private static readonly (int Width, int Height)[] Sizes = [(1, 1), (1, 1000), (1000, 1), (640, 480), (37, 53), (2, 3), (129, 127)];

    private static readonly ResizeMode[] Modes = [ResizeMode.Letterbox, ResizeMode.Stretch];
    private static readonly ImagePixelFormat[] Formats = [ImagePixelFormat.Rgb24, ImagePixelFormat.Bgra32, ImagePixelFormat.Gray8];
    private static readonly int[] Paddings = [0, 5];

    private static IEnumerable<TestCaseData> Cases() =>
        from size in Sizes
        from mode in Modes
        from format in Formats
        from padding in Paddings
        select new TestCaseData(size.Width, size.Height, mode, format, padding);

    [TestCaseSource(nameof(Cases))]
    public void FastConverterMatchesTheReference(int width, int height, ResizeMode mode, ImagePixelFormat format, int padding)
    {
        (byte[] pixels, int stride) = EndingAtTheLastPixel(TestImage.Random(width, height, seed: width ^ (height << 8)), format, padding);
        var converter = new ImageToTensorConverter(128, 128, mode);
        float[] fast = new float[converter.TensorLength];
        float[] reference = new float[converter.TensorLength];

        converter.Convert(new ImageView(pixels, width, height, format, stride), fast);
        ReferenceImageToTensorConverter.Convert(new ImageView(pixels, width, height, format, stride), reference, 128, 128, mode);

        Assert.That(TensorComparison.LargestDifference(fast, reference), Is.LessThanOrEqualTo(1e-6f));
    }

    [TestCaseSource(nameof(Cases))]
    public void PerChannelLoopWithoutVectorsMatchesTheReference(int width, int height, ResizeMode mode, ImagePixelFormat format, int padding)
    {
        (byte[] pixels, int stride) = EndingAtTheLastPixel(TestImage.Random(width, height, seed: width ^ (height << 8)), format, padding);
        var converter = new ImageToTensorConverter(128, 128, mode) { UseVectors = false };
        float[] fast = new float[converter.TensorLength];
        float[] reference = new float[converter.TensorLength];

        converter.Convert(new ImageView(pixels, width, height, format, stride), fast);
        ReferenceImageToTensorConverter.Convert(new ImageView(pixels, width, height, format, stride), reference, 128, 128, mode);

        Assert.That(TensorComparison.LargestDifference(fast, reference), Is.LessThanOrEqualTo(1e-6f));
    }

    [TestCase(256, 128)]
    [TestCase(128, 192)]
    public void FastConverterMatchesTheReferenceForNonSquareInputs(int inputWidth, int inputHeight)
    {
        byte[] pixels = TestImage.Random(300, 200, seed: 9).Encode(ImagePixelFormat.Rgb24);
        var converter = new ImageToTensorConverter(inputWidth, inputHeight, ResizeMode.Letterbox);
        float[] fast = new float[converter.TensorLength];
        float[] reference = new float[converter.TensorLength];

        converter.Convert(new ImageView(pixels, 300, 200, ImagePixelFormat.Rgb24), fast);
        ReferenceImageToTensorConverter.Convert(new ImageView(pixels, 300, 200, ImagePixelFormat.Rgb24), reference, inputWidth, inputHeight, ResizeMode.Letterbox);

        Assert.That(TensorComparison.LargestDifference(fast, reference), Is.LessThanOrEqualTo(1e-6f));
    }

    /// <summary>The image with padded rows except the last, which ends the buffer: the case where reading past a pixel would overrun.</summary>
    private static (byte[] Pixels, int Stride) EndingAtTheLastPixel(TestImage image, ImagePixelFormat format, int padding)
    {
        byte[] padded = image.Encode(format, padding);
        int stride = padded.Length / image.Height;
        return (padded[..(padded.Length - padding)], stride);
    }
}
