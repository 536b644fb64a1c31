using System.Buffers.Binary;
using BlazeFace.SkiaSharp.Tests.Support;
using BlazeFace.Tests.ImageFixtures;
using SkiaSharp;

namespace BlazeFace.SkiaSharp.Tests;

/// <summary>
/// The size floors that let <see cref="UprightImage"/> refuse a damaged Huffman JPEG or PNG before decoding it: every
/// real file is above its floor, files whose header was rewritten to a large size are below it.
/// </summary>
public class EncodedSizeBoundTests
{
    private static readonly string[] RealFiles =
    [
        "formats/jpeg-baseline.jpg", "formats/jpeg-progressive.jpg", "formats/jpeg-cmyk.jpg", "formats/jpeg-grey.jpg",
        "formats/png-rgb16.png", "formats/png-rgb16-interlaced.png", "formats/png-grey16.png", "formats/png-palette.png",
        "formats/png-grey-alpha.png", "formats/png-rgba.png", "fuzz/seed-baseline.jpg", "fuzz/seed-progressive.jpg",
        "fuzz/seed-rgb.png", "fuzz/seed-palette.png", "fuzz/seed-rgb16-interlaced.png",
    ];

    [TestCaseSource(nameof(RealFiles))]
    public void A_real_file_holds_more_than_its_floor(string fixture)
    {
        byte[] file = File.ReadAllBytes(SkiaBitmaps.Fixture(fixture));

        long floor = EncodedSizeBound.MinimumBytes(FormatOf(fixture), file);

        Assert.That(floor, Is.Positive.And.LessThan(file.Length));
    }

    [Test]
    public void A_flat_png_compressed_as_far_as_deflate_goes_is_still_above_its_floor()
    {
        using var flat = new SKBitmap(new SKImageInfo(2000, 2000, SKColorType.Gray8, SKAlphaType.Opaque));
        flat.Erase(SKColors.Gray);
        using SKData png = flat.Encode(SKEncodedImageFormat.Png, 100);

        Assert.That(EncodedSizeBound.MinimumBytes(SKEncodedImageFormat.Png, png.AsSpan()), Is.LessThan(png.Size));
    }

    [TestCase("fuzz/seed-baseline.jpg", 16383u, 970u)]
    [TestCase("fuzz/seed-progressive.jpg", 16383u, 970u)]
    [TestCase("fuzz/seed-rgb.png", 65500u, 1000u)]
    [TestCase("fuzz/seed-palette.png", 4000u, 4000u)]
    public void A_small_file_rewritten_to_announce_a_large_image_is_below_its_floor(string fixture, uint width, uint height)
    {
        byte[] file = ImageHeaders.WithSize(File.ReadAllBytes(SkiaBitmaps.Fixture(fixture)), width, height)!;

        Assert.That(EncodedSizeBound.MinimumBytes(FormatOf(fixture), file), Is.GreaterThan(file.Length));
    }

    [Test]
    public void A_segment_length_of_zero_before_the_frame_does_not_hide_the_frame()
    {
        // libjpeg skips just the length bytes and searches for the next marker; so must the floor.
        byte[] file = ImageHeaders.WithSize(File.ReadAllBytes(SkiaBitmaps.Fixture("fuzz/seed-progressive.jpg")), 16383, 3059)!;
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(4), 0);

        Assert.That(EncodedSizeBound.MinimumBytes(SKEncodedImageFormat.Jpeg, file), Is.GreaterThan(file.Length));
    }

    [Test]
    public void An_arithmetic_coded_jpeg_has_no_floor()
    {
        byte[] file = File.ReadAllBytes(SkiaBitmaps.Fixture("formats/jpeg-baseline.jpg"));
        int frame = file.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xC0]);
        file[frame + 1] = 0xC9; // SOF9: extended sequential, arithmetic coding

        Assert.That(EncodedSizeBound.MinimumBytes(SKEncodedImageFormat.Jpeg, file), Is.Zero);
    }

    [TestCase(SKEncodedImageFormat.Webp)]
    [TestCase(SKEncodedImageFormat.Gif)]
    [TestCase(SKEncodedImageFormat.Bmp)]
    public void Other_formats_have_no_floor(SKEncodedImageFormat format) =>
        Assert.That(EncodedSizeBound.MinimumBytes(format, File.ReadAllBytes(SkiaBitmaps.Fixture("formats/png-palette.png"))), Is.Zero);

    [Test]
    public void A_file_below_its_floor_is_refused_by_the_loader_saying_so()
    {
        byte[] file = ImageHeaders.WithSize(File.ReadAllBytes(SkiaBitmaps.Fixture("fuzz/seed-baseline.jpg")), 16383, 970)!;

        var error = Assert.Throws<InvalidDataException>(() => UprightImage.Decode(file));

        Assert.That(error!.Message, Does.Contain("cannot hold a 16383x970 image"));
    }

    private static SKEncodedImageFormat FormatOf(string fixture) =>
        fixture.EndsWith(".jpg", StringComparison.Ordinal) ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png;
}
