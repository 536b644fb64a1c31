using BlazeFace.Imaging;
using BlazeFace.Preprocessing;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Preprocessing;

public class ImageToTensorConverterTests
{
    private const int Size = 128;

    [Test]
    public void UniformGreyFillsTheLetterboxedAreaAndLeavesTheBorderRowsBlack()
    {
        byte[] pixels = TestImage.Uniform(640, 480, 200, 200, 200).Encode(ImagePixelFormat.Rgb24);

        float[] tensor = Convert(new ImageView(pixels, 640, 480, ImagePixelFormat.Rgb24), ResizeMode.Letterbox);

        float grey = (float)((200 / 127.5) - 1);
        using (Assert.EnterMultipleScope())
        {
            for (int row = 0; row < Size; row++)
            {
                float expected = row is < 16 or >= 112 ? -1f : grey;
                Assert.That(TensorComparison.FirstOtherThan(Row(tensor, row), expected, 1e-6f), Is.EqualTo(-1), $"row {row}");
            }
        }
    }

    [Test]
    public void TallImageIsLetterboxedWithBlackColumns()
    {
        byte[] pixels = TestImage.Uniform(480, 640, 255, 255, 255).Encode(ImagePixelFormat.Rgb24);

        float[] tensor = Convert(new ImageView(pixels, 480, 640, ImagePixelFormat.Rgb24), ResizeMode.Letterbox);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Pixel(tensor, 64, 15), Is.All.EqualTo(-1f));
            Assert.That(Pixel(tensor, 64, 16), Is.All.EqualTo(1f).Within(1e-6f));
            Assert.That(Pixel(tensor, 64, 111), Is.All.EqualTo(1f).Within(1e-6f));
            Assert.That(Pixel(tensor, 64, 112), Is.All.EqualTo(-1f));
        }
    }

    [Test]
    public void StretchLeavesNoBorder()
    {
        byte[] pixels = TestImage.Uniform(640, 480, 0, 0, 0).Encode(ImagePixelFormat.Rgb24);

        float[] tensor = Convert(new ImageView(pixels, 640, 480, ImagePixelFormat.Rgb24), ResizeMode.Stretch);

        Assert.That(TensorComparison.FirstOtherThan(tensor, -1f), Is.EqualTo(-1));
    }

    [Test]
    public void ChannelsAreWrittenInRgbOrderScaledToMinusOneToOne()
    {
        byte[] pixels = TestImage.Uniform(4, 4, 0, 255, 51).Encode(ImagePixelFormat.Rgb24);

        float[] tensor = Convert(new ImageView(pixels, 4, 4, ImagePixelFormat.Rgb24), ResizeMode.Stretch);

        Assert.That(Pixel(tensor, 64, 64), Is.EqualTo(new[] { -1f, 1f, -0.6f }).Within(1e-6f));
    }

    [Test]
    public void OnePixelImageFillsTheWholeInput([Values] ResizeMode mode)
    {
        byte[] pixels = [255, 0, 0];

        float[] tensor = Convert(new ImageView(pixels, 1, 1, ImagePixelFormat.Rgb24), mode);

        float[] expected = Enumerable.Repeat(new[] { 1f, -1f, -1f }, Size * Size).SelectMany(rgb => rgb).ToArray();
        Assert.That(TensorComparison.FirstDifference(tensor, expected), Is.EqualTo(-1));
    }

    [Test]
    public void ImageOfTheInputSizeIsCopiedUnchanged([Values] ResizeMode mode)
    {
        TestImage image = TestImage.Random(Size, Size, seed: 1);
        byte[] pixels = image.Encode(ImagePixelFormat.Rgb24);

        float[] tensor = Convert(new ImageView(pixels, Size, Size, ImagePixelFormat.Rgb24), mode);

        float[] expected = pixels.Select(p => (float)((p / 127.5) - 1)).ToArray();
        Assert.That(TensorComparison.LargestDifference(tensor, expected), Is.LessThanOrEqualTo(1e-6f));
    }

    [Test]
    public void UpscalingInterpolatesBetweenPixelCentres()
    {
        // A horizontal ramp, red = 4x, upscaled 2x: output column i samples image x = (i + 0.5) / 2 - 0.5,
        // clamped to the first and last pixel centres at the edges.
        const int width = 64;
        byte[] pixels = TestImage.FromFunction(width, 1, (x, _) => ((byte)(4 * x), 0, 0)).Encode(ImagePixelFormat.Rgb24);

        float[] tensor = Convert(new ImageView(pixels, width, 1, ImagePixelFormat.Rgb24), ResizeMode.Stretch);

        for (int i = 0; i < Size; i++)
        {
            double x = Math.Clamp(((i + 0.5) / 2) - 0.5, 0, width - 1);
            Assert.That(tensor[((5 * Size) + i) * 3], Is.EqualTo((4 * x / 127.5) - 1).Within(1e-5), $"column {i}");
        }
    }

    [TestCase(ImagePixelFormat.Bgr24)]
    [TestCase(ImagePixelFormat.Rgba32)]
    [TestCase(ImagePixelFormat.Bgra32)]
    public void ColourFormatsGiveTheSameTensorAsRgb24(ImagePixelFormat format)
    {
        TestImage image = TestImage.Random(97, 61, seed: 2);
        byte[] rgb = image.Encode(ImagePixelFormat.Rgb24);
        byte[] other = image.Encode(format);

        float[] expected = Convert(new ImageView(rgb, 97, 61, ImagePixelFormat.Rgb24), ResizeMode.Letterbox);
        float[] actual = Convert(new ImageView(other, 97, 61, format), ResizeMode.Letterbox);

        Assert.That(TensorComparison.FirstDifference(actual, expected), Is.EqualTo(-1));
    }

    [Test]
    public void Gray8GivesTheSameTensorAsAGreyRgbImage()
    {
        TestImage grey = TestImage.Random(97, 61, seed: 3).ToGrey();

        float[] expected = Convert(new ImageView(grey.Encode(ImagePixelFormat.Rgb24), 97, 61, ImagePixelFormat.Rgb24), ResizeMode.Letterbox);
        float[] actual = Convert(new ImageView(grey.Encode(ImagePixelFormat.Gray8), 97, 61, ImagePixelFormat.Gray8), ResizeMode.Letterbox);

        Assert.That(TensorComparison.FirstDifference(actual, expected), Is.EqualTo(-1));
    }

    [Test]
    public void RowPaddingIsSkipped([Values(ImagePixelFormat.Rgb24, ImagePixelFormat.Bgra32, ImagePixelFormat.Gray8)] ImagePixelFormat format)
    {
        TestImage image = TestImage.Random(50, 70, seed: 4);
        int bytesPerPixel = format switch { ImagePixelFormat.Gray8 => 1, ImagePixelFormat.Rgb24 => 3, _ => 4 };

        float[] packed = Convert(new ImageView(image.Encode(format), 50, 70, format), ResizeMode.Letterbox);
        float[] padded = Convert(new ImageView(image.Encode(format, padding: 13), 50, 70, format, (50 * bytesPerPixel) + 13), ResizeMode.Letterbox);

        Assert.That(TensorComparison.FirstDifference(padded, packed), Is.EqualTo(-1));
    }

    [Test]
    public void ReturnsTheTransformItUsed()
    {
        var converter = new ImageToTensorConverter(Size, Size, ResizeMode.Letterbox);
        byte[] pixels = new byte[640 * 480 * 3];

        InputTransform transform = converter.Convert(new ImageView(pixels, 640, 480, ImagePixelFormat.Rgb24), new float[converter.TensorLength]);

        Assert.That(transform, Is.EqualTo(InputTransform.Create(640, 480, Size, Size, ResizeMode.Letterbox)));
    }

    [TestCase(-1)]
    [TestCase(1)]
    public void TensorOfTheWrongLengthIsRejectedNamingTensor(int lengthError)
    {
        var converter = new ImageToTensorConverter(Size, Size, ResizeMode.Letterbox);
        byte[] pixels = new byte[12];
        float[] tensor = new float[converter.TensorLength + lengthError];

        Assert.That(
            () => converter.Convert(new ImageView(pixels, 2, 2, ImagePixelFormat.Rgb24), tensor),
            Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("tensor"));
    }

    [Test]
    public void DefaultImageViewIsRejectedNamingImage()
    {
        var converter = new ImageToTensorConverter(Size, Size, ResizeMode.Letterbox);
        float[] tensor = new float[converter.TensorLength];

        Assert.That(
            () => converter.Convert(default, tensor),
            Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("image"));
    }

    [Test]
    public void ConstructorRejectsAnUndefinedMode() =>
        Assert.That(() => new ImageToTensorConverter(Size, Size, (ResizeMode)5), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void TensorLengthIsHeightTimesWidthTimesThree() =>
        Assert.That(new ImageToTensorConverter(128, 256, ResizeMode.Stretch).TensorLength, Is.EqualTo(128 * 256 * 3));

    [Test]
    public void SecondFrameOfTheSameSizeAllocatesNothing()
    {
        var converter = new ImageToTensorConverter(Size, Size, ResizeMode.Letterbox);
        byte[] pixels = TestImage.Random(640, 480, seed: 5).Encode(ImagePixelFormat.Rgb24);
        float[] tensor = new float[converter.TensorLength];

        long allocated = AllocationProbe.FewestBytesPerCall(() => converter.Convert(new ImageView(pixels, 640, 480, ImagePixelFormat.Rgb24), tensor));

        Assert.That(allocated, Is.Zero);
    }

    [Test]
    public void FrameOfANewSizeIsSampledWithNewTables()
    {
        var converter = new ImageToTensorConverter(Size, Size, ResizeMode.Letterbox);
        byte[] large = TestImage.Random(640, 480, seed: 6).Encode(ImagePixelFormat.Rgb24);
        byte[] small = TestImage.Random(37, 53, seed: 7).Encode(ImagePixelFormat.Bgra32);
        float[] tensor = new float[converter.TensorLength];
        converter.Convert(new ImageView(large, 640, 480, ImagePixelFormat.Rgb24), tensor);

        converter.Convert(new ImageView(small, 37, 53, ImagePixelFormat.Bgra32), tensor);

        float[] expected = new float[tensor.Length];
        ReferenceImageToTensorConverter.Convert(new ImageView(small, 37, 53, ImagePixelFormat.Bgra32), expected, Size, Size, ResizeMode.Letterbox);
        Assert.That(TensorComparison.LargestDifference(tensor, expected), Is.LessThanOrEqualTo(1e-6f));
    }

    private static float[] Convert(ImageView image, ResizeMode mode)
    {
        var converter = new ImageToTensorConverter(Size, Size, mode);
        float[] tensor = new float[converter.TensorLength];
        converter.Convert(image, tensor);
        return tensor;
    }

    private static float[] Row(float[] tensor, int row) => tensor.AsSpan(row * Size * 3, Size * 3).ToArray();

    private static float[] Pixel(float[] tensor, int row, int column) => tensor.AsSpan(((row * Size) + column) * 3, 3).ToArray();
}
