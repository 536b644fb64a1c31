using BlazeFace.SkiaSharp.Tests.Support;
using BlazeFace.Tests.Support;
using SkiaSharp;

namespace BlazeFace.SkiaSharp.Tests;

/// <summary>
/// <see cref="UprightImageOptions.MinimumSide"/>: a JPEG decoded at the smallest DCT scale that keeps both sides at
/// least that long, EXIF orientation still applied, the full size reported; other formats whole.
/// </summary>
public class ReducedDecodeTests
{
    [TestCase(32, 32, 38)]
    [TestCase(33, 64, 75)]
    [TestCase(64, 64, 75)]
    [TestCase(65, 128, 150)]
    [TestCase(129, 256, 300)]
    [TestCase(1000, 256, 300)]
    public void A_jpeg_is_decoded_at_the_smallest_dct_scale_keeping_both_sides_at_the_minimum(int minimumSide, int width, int height)
    {
        // jpeg-baseline.jpg is 256 x 300: 1/8 gives 32 x 38 (libjpeg rounds up), 1/4 64 x 75, 1/2 128 x 150.
        using SKBitmap image = UprightImage.Load(SkiaBitmaps.Fixture("formats/jpeg-baseline.jpg"), new UprightImageOptions { MinimumSide = minimumSide }, out SKSizeI size);

        Assert.That((image.Width, image.Height), Is.EqualTo((width, height)));
        Assert.That(size, Is.EqualTo(new SKSizeI(256, 300)), "the file's own size");
    }

    [TestCase("png-rgb16.png")]
    [TestCase("gif-animated.gif")]
    [TestCase("bmp-24.bmp")]
    public void A_format_without_a_reduced_decode_is_decoded_whole(string file)
    {
        using SKBitmap image = UprightImage.Load(SkiaBitmaps.Fixture($"formats/{file}"), new UprightImageOptions { MinimumSide = 16 }, out SKSizeI size);

        Assert.That((image.Width, image.Height), Is.EqualTo((size.Width, size.Height)));
        Assert.That(size, Is.EqualTo(new SKSizeI(256, 300)));
    }

    [Test]
    public void A_webp_is_reduced_by_its_own_decoder()
    {
        using SKBitmap image = UprightImage.Load(SkiaBitmaps.Fixture("formats/webp-lossy.webp"), new UprightImageOptions { MinimumSide = 32 }, out SKSizeI size);

        Assert.That((image.Width, image.Height), Is.EqualTo((32, 38)).Or.EqualTo((32, 37)));
        Assert.That(size, Is.EqualTo(new SKSizeI(256, 300)));
    }

    [Test]
    public void Without_a_minimum_side_the_image_is_decoded_whole()
    {
        using SKBitmap image = UprightImage.Load(SkiaBitmaps.Fixture("formats/jpeg-baseline.jpg"), null, out SKSizeI size);

        Assert.That((image.Width, image.Height, size), Is.EqualTo((256, 300, new SKSizeI(256, 300))));
    }

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(6)]
    [TestCase(8)]
    public void A_reduced_decode_is_shown_upright_and_reports_the_size_as_displayed(int orientation)
    {
        using SKBitmap upright = SKBitmap.Decode(SkiaBitmaps.Fixture("exif/upright.png"));
        using SKBitmap expected = upright.Resize(new SKImageInfo(64, 75, upright.ColorType, upright.AlphaType), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));

        using SKBitmap image = UprightImage.Load(SkiaBitmaps.Fixture($"exif/orientation-{orientation}.jpg"), new UprightImageOptions { MinimumSide = 60 }, out SKSizeI size);

        Assert.That(size, Is.EqualTo(new SKSizeI(256, 300)));
        PixelDifference difference = PixelDifference.Between(image, expected);

        // A quarter-scale decode against a smoothed resize of the original: a few levels apart; a wrong turn, tens.
        Assert.That(difference.Mean, Is.LessThan(6.0), $"mean difference {difference.Mean:0.00}");
    }

    [Test]
    public void The_stream_and_byte_forms_reduce_like_the_file_form()
    {
        string path = SkiaBitmaps.Fixture("exif/orientation-6.jpg");
        var options = new UprightImageOptions { MinimumSide = 32 };
        using SKBitmap fromFile = UprightImage.Load(path, options, out SKSizeI fileSize);
        using FileStream stream = File.OpenRead(path);

        using SKBitmap fromStream = UprightImage.Decode(stream, options, out SKSizeI streamSize);
        using SKBitmap fromBytes = UprightImage.Decode(File.ReadAllBytes(path), options, out SKSizeI bytesSize);

        Assert.That((fromStream.Width, fromStream.Height, streamSize), Is.EqualTo((fromFile.Width, fromFile.Height, fileSize)));
        Assert.That((fromBytes.Width, fromBytes.Height, bytesSize), Is.EqualTo((fromFile.Width, fromFile.Height, fileSize)));
        Assert.That(PixelDifference.Between(fromBytes, fromFile).Max, Is.Zero);
    }

    [Test]
    public void A_truncated_jpeg_is_refused_at_a_reduced_scale_too()
    {
        byte[] file = File.ReadAllBytes(SkiaBitmaps.Fixture("formats/jpeg-progressive.jpg"));

        Assert.Throws<InvalidDataException>(() => UprightImage.Decode(file.AsSpan(0, file.Length * 3 / 4), new UprightImageOptions { MinimumSide = 32 }));
    }

    [Test]
    public void The_size_limit_applies_to_the_files_image_not_the_reduced_one()
    {
        var options = new UprightImageOptions { MinimumSide = 32, MaxPixels = 256 * 300 - 1 };

        Assert.Throws<InvalidDataException>(() => UprightImage.Load(SkiaBitmaps.Fixture("formats/jpeg-baseline.jpg"), options));
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void A_minimum_side_below_one_is_refused(int side)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new UprightImageOptions { MinimumSide = side });

        Assert.That(error!.ParamName, Is.EqualTo("MinimumSide"));
    }
}
