using BlazeFace.Imaging;

namespace BlazeFace.Tests.Imaging;

public class ImageViewTests
{
    [Test]
    public void ZeroWidthIsRejectedNamingWidth() =>
        Assert.That(Creating(new byte[30], 0, 1, ImagePixelFormat.Rgb24), ThrowsFor("width"));

    [Test]
    public void NegativeHeightIsRejectedNamingHeight() =>
        Assert.That(Creating(new byte[30], 1, -1, ImagePixelFormat.Rgb24), ThrowsFor("height"));

    [Test]
    public void UndefinedFormatIsRejectedNamingFormat() =>
        Assert.That(Creating(new byte[30], 2, 2, (ImagePixelFormat)42), ThrowsFor("format"));

    [Test]
    public void StrideShorterThanARowIsRejectedNamingStride() =>
        Assert.That(Creating(new byte[100], 10, 2, ImagePixelFormat.Rgb24, stride: 29), ThrowsFor("stride"));

    [Test]
    public void NegativeStrideIsRejectedNamingStride() =>
        Assert.That(Creating(new byte[100], 10, 2, ImagePixelFormat.Rgb24, stride: -30), ThrowsFor("stride"));

    [Test]
    public void BufferTooShortIsRejectedNamingPixels() =>
        Assert.That(Creating(new byte[(640 * 480 * 3) - 1], 640, 480, ImagePixelFormat.Rgb24), ThrowsFor("pixels"));

    [Test]
    public void BufferTooShortMessageGivesTheSizes() =>
        Assert.That(
            Creating(new byte[1000], 640, 480, ImagePixelFormat.Rgb24),
            Throws.InstanceOf<ArgumentException>().With.Message.Contains("holds 1000 bytes").And.Message.Contains("640x480 Rgb24 image with stride 1920 needs 921600"));

    [Test]
    public void RowWhoseByteCountOverflowsIntIsRejectedNamingWidth() =>
        Assert.That(Creating(new byte[4], (int.MaxValue / 4) + 1, 1, ImagePixelFormat.Rgba32), ThrowsFor("width"));

    [Test]
    public void ImageWhoseByteCountOverflowsIntIsRejectedNamingHeight() =>
        Assert.That(Creating(new byte[4], 100_000, 100_000, ImagePixelFormat.Rgba32), ThrowsFor("height"));

    [TestCase(ImagePixelFormat.Rgb24, 3)]
    [TestCase(ImagePixelFormat.Bgr24, 3)]
    [TestCase(ImagePixelFormat.Rgba32, 4)]
    [TestCase(ImagePixelFormat.Bgra32, 4)]
    [TestCase(ImagePixelFormat.Gray8, 1)]
    public void ZeroStrideMeansTightlyPackedRows(ImagePixelFormat format, int bytesPerPixel)
    {
        var view = new ImageView(new byte[5 * 2 * bytesPerPixel], 5, 2, format);

        Assert.That(view.Stride, Is.EqualTo(5 * bytesPerPixel));
    }

    [Test]
    public void PropertiesDescribeTheConstructorArguments()
    {
        byte[] buffer = new byte[64];
        var view = new ImageView(buffer, 3, 2, ImagePixelFormat.Bgra32, stride: 16);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(view.Width, Is.EqualTo(3));
            Assert.That(view.Height, Is.EqualTo(2));
            Assert.That(view.Format, Is.EqualTo(ImagePixelFormat.Bgra32));
            Assert.That(view.Stride, Is.EqualTo(16));
            Assert.That(view.Pixels.Length, Is.EqualTo(64));
        }
    }

    [Test]
    public void GetRowReturnsTheRowPixelsWithoutStridePadding()
    {
        // Two 2-pixel Rgb24 rows with 4 bytes of padding each; padding bytes are 99.
        byte[] buffer = [1, 2, 3, 4, 5, 6, 99, 99, 99, 99, 7, 8, 9, 10, 11, 12, 99, 99, 99, 99];
        var view = new ImageView(buffer, 2, 2, ImagePixelFormat.Rgb24, stride: 10);

        Assert.That(view.GetRow(1).ToArray(), Is.EqualTo(new byte[] { 7, 8, 9, 10, 11, 12 }));
    }

    [Test]
    public void LastRowNeedsOnlyItsPixelsNotAFullStride()
    {
        byte[] buffer = new byte[10 + 6];
        buffer[15] = 42;
        var view = new ImageView(buffer, 2, 2, ImagePixelFormat.Rgb24, stride: 10);

        Assert.That(view.GetRow(1)[5], Is.EqualTo(42));
    }

    [TestCase(-1)]
    [TestCase(2)]
    public void GetRowOutsideTheImageThrows(int y)
    {
        byte[] buffer = new byte[12];

        Assert.That(() => _ = new ImageView(buffer, 2, 2, ImagePixelFormat.Rgb24).GetRow(y), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    private static TestDelegate Creating(byte[] buffer, int width, int height, ImagePixelFormat format, int stride = 0) =>
        () => _ = new ImageView(buffer, width, height, format, stride);

    private static NUnit.Framework.Constraints.EqualStringConstraint ThrowsFor(string paramName) =>
        Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo(paramName);
}
