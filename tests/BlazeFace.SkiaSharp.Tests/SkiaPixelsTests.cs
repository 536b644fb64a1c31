using BlazeFace.Imaging;
using BlazeFace.SkiaSharp.Tests.Support;
using SkiaSharp;

namespace BlazeFace.SkiaSharp.Tests;

/// <summary>
/// How a SkiaSharp image becomes the core's <see cref="ImageView"/>: in place when the bytes already fit, otherwise
/// converted by Skia to unpremultiplied RGBA.
/// </summary>
public class SkiaPixelsTests
{
    [TestCase(SKColorType.Rgba8888, SKAlphaType.Opaque, ImagePixelFormat.Rgba32)]
    [TestCase(SKColorType.Rgba8888, SKAlphaType.Unpremul, ImagePixelFormat.Rgba32)]
    [TestCase(SKColorType.Bgra8888, SKAlphaType.Opaque, ImagePixelFormat.Bgra32)]
    [TestCase(SKColorType.Bgra8888, SKAlphaType.Unpremul, ImagePixelFormat.Bgra32)]
    [TestCase(SKColorType.Rgb888x, SKAlphaType.Opaque, ImagePixelFormat.Rgba32)]
    [TestCase(SKColorType.Gray8, SKAlphaType.Opaque, ImagePixelFormat.Gray8)]
    public void A_bitmap_whose_bytes_fit_is_read_in_place(SKColorType colorType, SKAlphaType alphaType, ImagePixelFormat expected)
    {
        using SKBitmap bitmap = SkiaBitmaps.Filled(7, 5, colorType, alphaType, new SKColor(10, 20, 30, 40));

        using SkiaPixels pixels = SkiaPixels.From(bitmap, "bitmap");

        Assert.That(pixels.IsCopy, Is.False);
        Assert.That(pixels.View.Format, Is.EqualTo(expected));
        Assert.That(pixels.View.Pixels.Overlaps(bitmap.GetPixelSpan()), Is.True, "the view is the bitmap's own memory");
    }

    [Test]
    public void Padded_rows_are_read_in_place_with_the_bitmaps_row_bytes_as_stride()
    {
        var info = new SKImageInfo(13, 6, SKColorType.Bgra8888, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info, rowBytes: (13 * 4) + 12);
        bitmap.Erase(new SKColor(1, 2, 3));

        using SkiaPixels pixels = SkiaPixels.From(bitmap, "bitmap");

        Assert.That(pixels.IsCopy, Is.False);
        Assert.That(pixels.View.Stride, Is.EqualTo(bitmap.RowBytes));
        Assert.That(pixels.View.GetRow(5)[..4].ToArray(), Is.EqualTo(new byte[] { 3, 2, 1, 255 }));
    }

    [Test]
    public void A_premultiplied_bitmap_that_is_fully_opaque_is_read_in_place()
    {
        using SKBitmap bitmap = SkiaBitmaps.Filled(40, 3, SKColorType.Rgba8888, SKAlphaType.Premul, new SKColor(200, 100, 50, 255));

        using SkiaPixels pixels = SkiaPixels.From(bitmap, "bitmap");

        Assert.That(pixels.IsCopy, Is.False);
    }

    [Test]
    public void A_premultiplied_bitmap_with_one_translucent_pixel_is_converted()
    {
        using SKBitmap bitmap = SkiaBitmaps.Filled(40, 3, SKColorType.Bgra8888, SKAlphaType.Premul, new SKColor(200, 100, 50, 255));
        bitmap.SetPixel(39, 2, new SKColor(200, 100, 50, 254));

        using SkiaPixels pixels = SkiaPixels.From(bitmap, "bitmap");

        Assert.That(pixels.IsCopy, Is.True);
    }

    [TestCase(SKColorType.Rgba8888)]
    [TestCase(SKColorType.Bgra8888)]
    [TestCase(SKColorType.RgbaF16)]
    public void Premultiplied_colour_is_unpremultiplied(SKColorType colorType)
    {
        // Stored premultiplied: about (100, 50, 25) at alpha 128. A detector must see the colour, not the darkening.
        using SKBitmap bitmap = SkiaBitmaps.Filled(3, 2, colorType, SKAlphaType.Premul, new SKColor(200, 100, 50, 128));

        using SkiaPixels pixels = SkiaPixels.From(bitmap, "bitmap");

        Assert.That(pixels.View.Format, Is.EqualTo(ImagePixelFormat.Rgba32));
        byte[] pixel = pixels.View.GetRow(1)[4..8].ToArray();
        Assert.That(pixel[0], Is.InRange(198, 202));
        Assert.That(pixel[1], Is.InRange(98, 102));
        Assert.That(pixel[2], Is.InRange(48, 52));
    }

    [TestCase(SKColorType.Rgb565, 8)]
    [TestCase(SKColorType.Argb4444, 17)]
    [TestCase(SKColorType.RgbaF16, 1)]
    [TestCase(SKColorType.RgbaF16Clamped, 1)]
    [TestCase(SKColorType.RgbaF32, 1)]
    [TestCase(SKColorType.Rgba1010102, 1)]
    [TestCase(SKColorType.Bgra1010102, 1)]
    [TestCase(SKColorType.Rgb101010x, 1)]
    [TestCase(SKColorType.Rgba16161616, 1)]
    public void Other_colour_types_are_converted_to_8_bit_rgba(SKColorType colorType, int tolerance)
    {
        using SKBitmap bitmap = SkiaBitmaps.Filled(5, 4, colorType, SKAlphaType.Opaque, new SKColor(200, 100, 50));

        using SkiaPixels pixels = SkiaPixels.From(bitmap, "bitmap");

        Assert.That(pixels.IsCopy, Is.True);
        Assert.That(pixels.View.Format, Is.EqualTo(ImagePixelFormat.Rgba32));
        byte[] pixel = pixels.View.GetRow(3)[16..20].ToArray();
        Assert.That(Math.Abs(pixel[0] - 200), Is.LessThanOrEqualTo(tolerance));
        Assert.That(Math.Abs(pixel[1] - 100), Is.LessThanOrEqualTo(tolerance));
        Assert.That(Math.Abs(pixel[2] - 50), Is.LessThanOrEqualTo(tolerance));
    }

    [TestCase(SKColorType.Alpha8)]
    [TestCase(SKColorType.Alpha16)]
    [TestCase(SKColorType.AlphaF16)]
    public void An_alpha_only_bitmap_is_refused_naming_the_bitmap(SKColorType colorType)
    {
        using SKBitmap bitmap = SkiaBitmaps.Filled(4, 4, colorType, SKAlphaType.Premul, SKColors.Black);

        var error = Assert.Throws<ArgumentException>(() => SkiaPixels.From(bitmap, "bitmap").Dispose());

        Assert.That(error!.ParamName, Is.EqualTo("bitmap"));
        Assert.That(error.Message, Does.Contain(colorType.ToString()));
    }

    [Test]
    public void An_empty_bitmap_is_refused_naming_the_bitmap()
    {
        using var bitmap = new SKBitmap();

        var error = Assert.Throws<ArgumentException>(() => SkiaPixels.From(bitmap, "bitmap").Dispose());

        Assert.That(error!.ParamName, Is.EqualTo("bitmap"));
    }

    [Test]
    public void A_disposed_bitmap_is_refused_before_skia_is_called()
    {
        var bitmap = new SKBitmap(4, 4);
        bitmap.Dispose();

        Assert.Throws<ObjectDisposedException>(() => SkiaPixels.From(bitmap, "bitmap").Dispose());
    }

    [Test]
    public void A_pixmap_without_pixel_memory_is_refused_naming_the_pixmap()
    {
        using var pixmap = new SKPixmap(new SKImageInfo(4, 4, SKColorType.Rgba8888), IntPtr.Zero, 16);

        var error = Assert.Throws<ArgumentException>(() => SkiaPixels.From(pixmap, "pixmap").Dispose());

        Assert.That(error!.ParamName, Is.EqualTo("pixmap"));
    }

    [Test]
    public void A_raster_image_is_read_in_place()
    {
        using SKBitmap bitmap = SkiaBitmaps.Filled(6, 6, SKColorType.Rgba8888, SKAlphaType.Opaque, SKColors.Orange);
        using SKImage image = SKImage.FromPixels(bitmap.PeekPixels());

        using SkiaPixels pixels = SkiaPixels.From(image, "image");

        Assert.That(pixels.IsCopy, Is.False);
        Assert.That(pixels.View.Pixels.Overlaps(bitmap.GetPixelSpan()), Is.True);
    }

    [Test]
    public void An_encoded_image_is_decoded_into_a_pooled_copy()
    {
        using SKBitmap bitmap = SkiaBitmaps.Filled(6, 6, SKColorType.Rgba8888, SKAlphaType.Opaque, SKColors.Orange);
        using SKData png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        using SKImage image = SKImage.FromEncodedData(png);

        using SkiaPixels pixels = SkiaPixels.From(image, "image");

        Assert.That(pixels.IsCopy, Is.True);
        Assert.That(pixels.View.GetRow(5)[20..24].ToArray(), Is.EqualTo(new byte[] { SKColors.Orange.Red, SKColors.Orange.Green, SKColors.Orange.Blue, 255 }));
    }
}
