using BlazeFace.Imaging;
using BlazeFace.Preprocessing;

namespace BlazeFace.Tests.Preprocessing;

/// <summary>Sampling a region of the image, turned by any angle, straight into the input tensor in one pass.</summary>
public class TurnedConversionTests
{
    private static readonly double[] Angles = [30, 90, 180, 270, -45, 0.5];
    private static readonly ImagePixelFormat[] Formats = [ImagePixelFormat.Rgb24, ImagePixelFormat.Bgra32, ImagePixelFormat.Gray8];

    private static IEnumerable<TestCaseData> Cases() =>
        from angle in Angles
        from format in Formats
        from region in new[] { "whole", "part" }
        select new TestCaseData(angle, format, region);

    [TestCaseSource(nameof(Cases))]
    public void Turned_conversion_matches_the_reference(double degrees, ImagePixelFormat format, string region)
    {
        AssertMatchesReference(degrees, format, region, useVectors: true);
    }

    [TestCaseSource(nameof(Cases))]
    public void Turned_conversion_without_vectors_matches_the_reference(double degrees, ImagePixelFormat format, string region)
    {
        AssertMatchesReference(degrees, format, region, useVectors: false);
    }

    [Test]
    public void A_quarter_turned_image_searched_with_the_matching_rotation_gives_the_upright_tensor([Values(1, 2, 3)] int quarters, [Values] ResizeMode mode)
    {
        var upright = Support.RgbImageFrom(TestImage.Random(97, 61, seed: 4));
        Tests.Support.RgbImage turned = Tests.Support.TurnedImages.QuarterTurns(upright, quarters);
        var converter = new ImageToTensorConverter(128, 128, mode);
        float[] expected = new float[converter.TensorLength];
        float[] actual = new float[converter.TensorLength];
        converter.Convert(upright.AsView(), expected);

        var transform = InputTransform.Create(turned.Width, turned.Height, 128, 128, mode, new ImageRegion(0, 0, turned.Width, turned.Height), 90 * quarters);
        converter.Convert(turned.AsView(), transform, actual);

        Assert.That(TensorComparison.LargestDifference(actual, expected), Is.LessThanOrEqualTo(1e-5f));
    }

    [Test]
    public void A_region_gives_the_tensor_of_a_cropped_copy([Values] ResizeMode mode)
    {
        var image = Support.RgbImageFrom(TestImage.Random(300, 200, seed: 5));
        var crop = new Tests.Support.RgbImage(120, 90);
        for (int y = 0; y < 90; y++)
        {
            Array.Copy(image.Pixels, (((y + 70) * 300) + 40) * 3, crop.Pixels, y * 120 * 3, 120 * 3);
        }

        var converter = new ImageToTensorConverter(128, 128, mode);
        float[] expected = new float[converter.TensorLength];
        float[] actual = new float[converter.TensorLength];
        converter.Convert(crop.AsView(), expected);

        converter.Convert(image.AsView(), InputTransform.Create(300, 200, 128, 128, mode, new ImageRegion(40, 70, 120, 90), 0), actual);

        Assert.That(TensorComparison.LargestDifference(actual, expected), Is.LessThanOrEqualTo(1e-6f));
    }

    [Test]
    public void Nothing_outside_the_region_is_sampled([Values(0, 30, 90)] double degrees)
    {
        // Grey 100 inside the region, white outside: a turned search may only ever see grey or the black border.
        var image = Support.RgbImageFrom(TestImage.FromFunction(200, 200, (x, y) => x is >= 50 and < 150 && y is >= 60 and < 140 ? ((byte)100, (byte)100, (byte)100) : ((byte)255, (byte)255, (byte)255)));
        var converter = new ImageToTensorConverter(128, 128, ResizeMode.Letterbox);
        float[] tensor = new float[converter.TensorLength];

        converter.Convert(image.AsView(), InputTransform.Create(200, 200, 128, 128, ResizeMode.Letterbox, new ImageRegion(50, 60, 100, 80), degrees), tensor);

        float grey = (float)((100 / 127.5) - 1);
        Assert.That(tensor.Count(v => v != -1f && MathF.Abs(v - grey) > 1e-5f), Is.Zero);
        Assert.That(tensor.Count(v => MathF.Abs(v - grey) <= 1e-5f), Is.GreaterThan(tensor.Length / 4), "the region itself is seen");
    }

    [Test]
    public void A_transform_made_for_another_image_size_is_refused()
    {
        var converter = new ImageToTensorConverter(128, 128, ResizeMode.Letterbox);
        byte[] pixels = new byte[100 * 100 * 3];
        float[] tensor = new float[converter.TensorLength];
        var transform = InputTransform.Create(101, 100, 128, 128, ResizeMode.Letterbox);

        Assert.That(
            () => converter.Convert(new ImageView(pixels, 100, 100, ImagePixelFormat.Rgb24), transform, tensor),
            Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("transform"));
    }

    private static void AssertMatchesReference(double degrees, ImagePixelFormat format, string region, bool useVectors)
    {
        // Rows end at the last pixel of the buffer, the case where a four-byte read could overrun.
        const int width = 83, height = 57, padding = 3;
        byte[] padded = TestImage.Random(width, height, seed: 11).Encode(format, padding);
        int stride = padded.Length / height;
        var view = new ImageView(padded.AsSpan(0, padded.Length - padding), width, height, format, stride);
        ImageRegion searched = region == "whole" ? new ImageRegion(0, 0, width, height) : new ImageRegion(7, 5, 60, 41);
        var transform = InputTransform.Create(width, height, 128, 128, ResizeMode.Letterbox, searched, degrees);
        var converter = new ImageToTensorConverter(128, 128, ResizeMode.Letterbox) { UseVectors = useVectors };
        float[] fast = new float[converter.TensorLength];
        float[] reference = new float[converter.TensorLength];

        converter.Convert(view, transform, fast);
        ReferenceImageToTensorConverter.Convert(view, transform, reference);

        Assert.That(TensorComparison.LargestDifference(fast, reference), Is.LessThanOrEqualTo(1e-5f));
    }

    /// <summary>Bridges this folder's encodable test picture to the tests' Rgb24 image type.</summary>
    private static class Support
    {
        public static Tests.Support.RgbImage RgbImageFrom(TestImage image) => new(image.Width, image.Height, image.Encode(ImagePixelFormat.Rgb24));
    }
}
