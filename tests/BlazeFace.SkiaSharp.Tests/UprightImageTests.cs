using BlazeFace.SkiaSharp.Tests.Support;
using BlazeFace.Tests.ImageFixtures;
using SkiaSharp;

namespace BlazeFace.SkiaSharp.Tests;

/// <summary>
/// <see cref="UprightImage"/>: every format SkiaSharp decodes, EXIF orientation applied, decompression bombs and
/// damaged files refused with <see cref="InvalidDataException"/>. Fixtures: tests/ImageFixtures (make_image_fixtures.py).
/// </summary>
public class UprightImageTests
{
    private static SKBitmap s_upright = null!;

    [OneTimeSetUp]
    public static void LoadReference() => s_upright = SKBitmap.Decode(SkiaBitmaps.Fixture("exif/upright.png"));

    [OneTimeTearDown]
    public static void DisposeReference() => s_upright.Dispose();

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(6)]
    [TestCase(7)]
    [TestCase(8)]
    public void Every_exif_orientation_is_shown_upright(int orientation)
    {
        using SKBitmap image = UprightImage.Load(SkiaBitmaps.Fixture($"exif/orientation-{orientation}.jpg"));

        PixelDifference difference = PixelDifference.Between(image, s_upright);

        // JPEG at quality 95 moves each channel by about 2 levels on average; a wrong turn or mirror moves it by tens.
        Assert.That(difference.Mean, Is.LessThan(3.0), $"mean difference {difference.Mean:0.00}");
    }

    [Test]
    public void A_quarter_turned_file_is_stored_with_its_sides_swapped()
    {
        // Orientation 6 keeps the portrait as 300 x 256 pixels; the loader gives it back as 256 x 300.
        using SKBitmap stored = SKBitmap.Decode(SkiaBitmaps.Fixture("exif/orientation-6.jpg"));
        using SKBitmap upright = UprightImage.Load(SkiaBitmaps.Fixture("exif/orientation-6.jpg"));

        Assert.That((stored.Width, stored.Height), Is.EqualTo((300, 256)));
        Assert.That((upright.Width, upright.Height), Is.EqualTo((256, 300)));
    }

    [TestCase("jpeg-baseline.jpg", 4.0, 64)]
    [TestCase("jpeg-progressive.jpg", 4.0, 64)]
    [TestCase("jpeg-cmyk.jpg", 3.0, 64)]
    [TestCase("png-rgb16.png", 0.0, 0)]
    [TestCase("png-rgb16-interlaced.png", 0.0, 0)]
    [TestCase("png-palette.png", 3.0, 64)]
    [TestCase("png-rgba.png", 0.0, 0)]
    [TestCase("webp-lossy.webp", 3.0, 96)]
    [TestCase("webp-lossless.webp", 0.0, 0)]
    [TestCase("gif-animated.gif", 6.0, 128)]
    [TestCase("bmp-24.bmp", 0.0, 0)]
    [TestCase("bmp-565.bmp", 4.0, 7)]
    public void Each_colour_format_decodes_to_the_portrait(string file, double meanTolerance, int maxTolerance)
    {
        using SKBitmap image = UprightImage.Load(SkiaBitmaps.Fixture($"formats/{file}"));

        PixelDifference difference = PixelDifference.Between(image, s_upright);

        Assert.That(difference.Mean, Is.LessThanOrEqualTo(meanTolerance), $"mean difference {difference.Mean:0.00}");
        Assert.That(difference.Max, Is.LessThanOrEqualTo(maxTolerance), $"largest difference {difference.Max}");
    }

    [TestCase("jpeg-grey.jpg")]
    [TestCase("png-grey16.png")]
    public void A_grey_file_decodes_to_a_gray8_bitmap(string file)
    {
        using SKBitmap image = UprightImage.Load(SkiaBitmaps.Fixture($"formats/{file}"));

        Assert.That(image.ColorType, Is.EqualTo(SKColorType.Gray8));
        Assert.That((image.Width, image.Height), Is.EqualTo((256, 256)));
    }

    [Test]
    public void A_colour_file_decodes_to_the_platform_order_unpremultiplied_or_opaque()
    {
        using SKBitmap opaque = UprightImage.Load(SkiaBitmaps.Fixture("formats/jpeg-baseline.jpg"));
        using SKBitmap translucent = UprightImage.Load(SkiaBitmaps.Fixture("formats/png-rgba.png"));

        Assert.That((opaque.ColorType, opaque.AlphaType), Is.EqualTo((SKImageInfo.PlatformColorType, SKAlphaType.Opaque)));
        Assert.That((translucent.ColorType, translucent.AlphaType), Is.EqualTo((SKImageInfo.PlatformColorType, SKAlphaType.Unpremul)));
    }

    [Test]
    public void An_image_is_accepted_up_to_the_pixel_limit()
    {
        using SKBitmap image = UprightImage.Load(SkiaBitmaps.Fixture("formats/jpeg-baseline.jpg"), new UprightImageOptions { MaxPixels = 256 * 300 });

        Assert.That(image.Width, Is.EqualTo(256));
    }

    [Test]
    public void An_image_one_pixel_over_the_limit_is_refused_before_decoding()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            UprightImage.Load(SkiaBitmaps.Fixture("formats/jpeg-baseline.jpg"), new UprightImageOptions { MaxPixels = (256 * 300) - 1 }));

        Assert.That(error!.Message, Does.Contain("256x300").And.Contain("limit"));
    }

    [Test]
    public void The_size_limit_message_quotes_the_size_as_displayed_after_the_exif_orientation()
    {
        // Stored as 300 x 256, displayed as 256 x 300 (orientation 6).
        var error = Assert.Throws<InvalidDataException>(() =>
            UprightImage.Load(SkiaBitmaps.Fixture("exif/orientation-6.jpg"), new UprightImageOptions { MaxPixels = 1000 }));

        Assert.That(error!.Message, Does.Contain("256x300").And.Not.Contain("300x256"));
    }

    [Test]
    public void A_folder_is_refused_saying_it_is_a_folder()
    {
        var error = Assert.Throws<UnauthorizedAccessException>(() => UprightImage.Load(Path.GetTempPath()));

        Assert.That(error!.Message, Does.Contain("folder"));
    }

    [TestCase(100_000u, 100_000u)]
    [TestCase(600_000u, 300u)]
    [TestCase(300u, 600_000u)]
    public void A_png_header_announcing_a_huge_image_is_refused_with_the_limit_in_the_message(uint width, uint height)
    {
        byte[] bomb = ImageHeaders.WithSize(File.ReadAllBytes(SkiaBitmaps.Fixture("formats/png-palette.png")), width, height)
            ?? throw new InvalidOperationException("the fixture has no IHDR");

        var error = Assert.Throws<InvalidDataException>(() => UprightImage.Decode(bomb));

        Assert.That(error!.Message, Does.Contain("limit"));
    }

    [TestCase(0x7FFF_FFFFu, 1u)]
    [TestCase(1u, 0x7FFF_FFFFu)]
    public void A_png_header_announcing_a_side_beyond_what_libpng_reads_is_refused(uint width, uint height)
    {
        byte[] bomb = ImageHeaders.WithSize(File.ReadAllBytes(SkiaBitmaps.Fixture("formats/png-palette.png")), width, height)
            ?? throw new InvalidOperationException("the fixture has no IHDR");

        var error = Assert.Throws<InvalidDataException>(() => UprightImage.Decode(bomb));

        Assert.That(error!.Message, Does.StartWith("The PNG header"));
    }

    [Test]
    public void A_jpeg_header_announcing_60000_squared_pixels_is_refused()
    {
        byte[] bomb = ImageHeaders.WithSize(File.ReadAllBytes(SkiaBitmaps.Fixture("formats/jpeg-baseline.jpg")), 60000, 60000)
            ?? throw new InvalidOperationException("the fixture has no start-of-frame");

        var error = Assert.Throws<InvalidDataException>(() => UprightImage.Decode(bomb));

        Assert.That(error!.Message, Does.Contain("limit"));
    }

    [Test]
    public void A_webp_header_announcing_16384_squared_pixels_is_refused()
    {
        byte[] bomb = ImageHeaders.WithSize(File.ReadAllBytes(SkiaBitmaps.Fixture("formats/webp-lossless.webp")), 16384, 16384)
            ?? throw new InvalidOperationException("the fixture has no VP8L header");

        var error = Assert.Throws<InvalidDataException>(() => UprightImage.Decode(bomb));

        Assert.That(error!.Message, Does.Contain("limit"));
    }

    [TestCase("formats/jpeg-baseline.jpg")]
    [TestCase("formats/png-palette.png")]
    [TestCase("formats/webp-lossy.webp")]
    public void A_truncated_file_is_refused_instead_of_returning_a_partial_picture(string fixture)
    {
        byte[] file = File.ReadAllBytes(SkiaBitmaps.Fixture(fixture));

        Assert.Throws<InvalidDataException>(() => UprightImage.Decode(file.AsSpan(0, file.Length / 2)));
    }

    [Test]
    public void An_empty_file_is_refused() => Assert.Throws<InvalidDataException>(() => UprightImage.Decode(ReadOnlySpan<byte>.Empty));

    [Test]
    public void Bytes_of_no_image_format_are_refused_naming_their_first_bytes()
    {
        var error = Assert.Throws<InvalidDataException>(() => UprightImage.Decode("not an image at all"u8));

        Assert.That(error!.Message, Does.Contain("0x6E 0x6F 0x74"));
    }

    [Test]
    public void A_missing_file_is_reported_as_not_found() =>
        Assert.Throws<FileNotFoundException>(() => UprightImage.Load(Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.png")));

    [Test]
    public void A_stream_decodes_like_the_file()
    {
        using FileStream stream = File.OpenRead(SkiaBitmaps.Fixture("exif/orientation-8.jpg"));

        using SKBitmap image = UprightImage.Decode(stream);

        Assert.That((image.Width, image.Height), Is.EqualTo((256, 300)));
    }

    [Test]
    public void A_pixel_limit_below_one_is_refused_naming_the_option()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new UprightImageOptions { MaxPixels = 0 });

        Assert.That(error!.ParamName, Is.EqualTo("MaxPixels"));
    }
}
