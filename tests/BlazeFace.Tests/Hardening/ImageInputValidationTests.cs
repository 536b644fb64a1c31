using BlazeFace.Imaging;

namespace BlazeFace.Tests.Hardening;

/// <summary>
/// Every malformed image description is refused where it is made, with an <see cref="ArgumentException"/> whose
/// ParamName names the culprit, so no bad geometry ever reaches the resampler (where it would read out of bounds).
/// </summary>
/// <remarks>Imaging/ImageViewTests checks the messages; these are the boundary values, argument by argument.</remarks>
public class ImageInputValidationTests
{
    /// <summary>(description, pixels length, width, height, format, stride, parameter the exception must name).</summary>
    private static readonly object[] InvalidImages =
    [
        new object[] { "zero width", 300, 0, 10, ImagePixelFormat.Rgb24, 0, "width" },
        new object[] { "negative width", 300, -1, 10, ImagePixelFormat.Rgb24, 0, "width" },
        new object[] { "int.MinValue width", 300, int.MinValue, 10, ImagePixelFormat.Rgb24, 0, "width" },
        new object[] { "zero height", 300, 10, 0, ImagePixelFormat.Rgb24, 0, "height" },
        new object[] { "negative height", 300, 10, -7, ImagePixelFormat.Gray8, 0, "height" },
        new object[] { "a row whose byte count overflows int (Rgb24)", 300, (int.MaxValue / 3) + 1, 1, ImagePixelFormat.Rgb24, 0, "width" },
        new object[] { "a row whose byte count overflows int (Bgra32)", 300, (int.MaxValue / 4) + 1, 1, ImagePixelFormat.Bgra32, 0, "width" },
        new object[] { "an image whose byte count overflows int", 300, 50_000, 50_000, ImagePixelFormat.Rgb24, 0, "height" },
        new object[] { "a padded stride that overflows int over the height", 300, 10, 3, ImagePixelFormat.Gray8, int.MaxValue, "height" },
        new object[] { "a stride one byte short of a row", 300, 10, 10, ImagePixelFormat.Rgb24, 29, "stride" },
        new object[] { "a negative stride", 300, 10, 10, ImagePixelFormat.Rgb24, -30, "stride" },
        new object[] { "a buffer one byte short of stride x (height - 1) + row", (32 * 9) + 30 - 1, 10, 10, ImagePixelFormat.Rgb24, 32, "pixels" },
        new object[] { "a buffer one byte short of a packed image", (10 * 10 * 4) - 1, 10, 10, ImagePixelFormat.Rgba32, 0, "pixels" },
        new object[] { "an empty buffer", 0, 1, 1, ImagePixelFormat.Gray8, 0, "pixels" },
        new object[] { "pixel format 5 (one past the last)", 300, 10, 10, (ImagePixelFormat)5, 0, "format" },
        new object[] { "pixel format -1", 300, 10, 10, (ImagePixelFormat)(-1), 0, "format" },
        new object[] { "pixel format int.MaxValue", 300, 10, 10, (ImagePixelFormat)int.MaxValue, 0, "format" },
    ];

    [TestCaseSource(nameof(InvalidImages))]
    public void An_invalid_image_view_is_refused_naming_the_parameter(string description, int pixels, int width, int height, ImagePixelFormat format, int stride, string parameter)
    {
        byte[] buffer = new byte[pixels];

        Assert.That(() => _ = new ImageView(buffer, width, height, format, stride), ThrowsArgumentExceptionFor(parameter), description);
    }

    [TestCaseSource(nameof(InvalidImages))]
    public void An_invalid_image_buffer_is_refused_naming_the_parameter(string description, int pixels, int width, int height, ImagePixelFormat format, int stride, string parameter)
    {
        byte[] buffer = new byte[pixels];

        Assert.That(() => _ = new ImageBuffer(buffer, width, height, format, stride), ThrowsArgumentExceptionFor(parameter), description);
    }

    [Test]
    public void Detecting_in_a_default_image_view_is_refused_naming_image()
    {
        using var detector = new FaceDetector();

        Assert.That(() => detector.Detect(default(ImageView)), ThrowsArgumentExceptionFor("image"));
    }

    [Test]
    public void Detecting_in_a_default_image_buffer_is_refused_naming_image_as_for_a_view()
    {
        using var detector = new FaceDetector();
        IFaceDetector asInterface = detector;

        Assert.That(() => detector.Detect(default(ImageBuffer)), ThrowsArgumentExceptionFor("image"));
        Assert.That(() => asInterface.Detect(default(ImageBuffer)), ThrowsArgumentExceptionFor("image"));
    }

    [TestCase(0, float.NaN)]
    [TestCase(24_000, float.NaN)]
    [TestCase((128 * 128 * 3) - 1, float.NaN)]
    [TestCase(5, float.PositiveInfinity)]
    [TestCase(49_151, float.NegativeInfinity)]
    public void A_tensor_holding_a_non_finite_value_is_refused_naming_inputTensor(int index, float value)
    {
        using var detector = new FaceDetector();
        float[] tensor = new float[128 * 128 * 3];
        tensor[index] = value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => detector.Detect(tensor), ThrowsArgumentExceptionFor("inputTensor"));
            Assert.That(() => detector.Detect(tensor, new FaceDetection[8]), ThrowsArgumentExceptionFor("inputTensor"));
        }
    }

    [TestCase(0)]
    [TestCase((128 * 128 * 3) - 1)]
    [TestCase((128 * 128 * 3) + 1)]
    [TestCase(192 * 192 * 3)]
    public void A_tensor_of_the_wrong_length_is_refused_naming_inputTensor(int length)
    {
        using var detector = new FaceDetector();
        float[] tensor = new float[length];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => detector.Detect(tensor), ThrowsArgumentExceptionFor("inputTensor"));
            Assert.That(() => detector.Detect(tensor, new FaceDetection[8]), ThrowsArgumentExceptionFor("inputTensor"));
        }
    }

    [Test]
    public void A_tensor_at_the_float_limits_is_accepted()
    {
        // Finite is the contract: the extremes are legal input, and must not be mistaken for infinities.
        using var detector = new FaceDetector();
        float[] tensor = new float[128 * 128 * 3];
        tensor[0] = float.MaxValue;
        tensor[1] = float.MinValue;
        tensor[2] = float.Epsilon;

        Assert.That(() => detector.Detect(tensor), Throws.Nothing);
    }

    private static NUnit.Framework.Constraints.EqualStringConstraint ThrowsArgumentExceptionFor(string parameter) =>
        Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo(parameter);
}
