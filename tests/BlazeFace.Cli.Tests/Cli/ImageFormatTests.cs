using System.Text.Json;

namespace BlazeFace.Cli.Tests;

/// <summary>
/// Every format the CLI reads, through <c>detect --json</c>: the portrait (256x300) in each colour format, the
/// cameraman (256x256) in each grey one, each with its one face.
/// </summary>
public class ImageFormatTests
{
    [TestCase("jpeg-baseline.jpg")]
    [TestCase("jpeg-progressive.jpg")]
    [TestCase("jpeg-cmyk.jpg")]
    [TestCase("png-rgb16.png")]
    [TestCase("png-rgb16-interlaced.png")]
    [TestCase("png-palette.png")]
    [TestCase("png-rgba.png")]
    [TestCase("webp-lossy.webp")]
    [TestCase("webp-lossless.webp")]
    [TestCase("gif-animated.gif")]
    [TestCase("bmp-24.bmp")]
    [TestCase("bmp-565.bmp")]
    public void The_portrait_is_read_at_its_size_with_its_face(string file)
    {
        JsonElement root = Fixtures.SingleResult(CliRun.Of("detect", Fixtures.Path($"formats/{file}"), "--json"));

        Assert.That((root.GetProperty("width").GetInt32(), root.GetProperty("height").GetInt32()), Is.EqualTo((256, 300)));
        Assert.That(root.GetProperty("faces").GetArrayLength(), Is.EqualTo(1));
    }

    [TestCase("jpeg-grey.jpg")]
    [TestCase("png-grey16.png")]
    [TestCase("png-grey-alpha.png")]
    public void A_grey_image_is_read_at_its_size_with_its_face(string file)
    {
        JsonElement root = Fixtures.SingleResult(CliRun.Of("detect", Fixtures.Path($"formats/{file}"), "--json"));

        Assert.That((root.GetProperty("width").GetInt32(), root.GetProperty("height").GetInt32()), Is.EqualTo((256, 256)));
        Assert.That(root.GetProperty("faces").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public void Every_colour_format_puts_the_face_where_the_lossless_png_does()
    {
        FaceBox reference = Fixtures.Box(Fixtures.SingleResult(CliRun.Of("detect", Fixtures.Path("formats/png-rgb16.png"), "--json")).GetProperty("faces")[0]);
        string[] files = ["jpeg-baseline.jpg", "jpeg-progressive.jpg", "jpeg-cmyk.jpg", "png-palette.png", "webp-lossy.webp", "webp-lossless.webp", "gif-animated.gif", "bmp-24.bmp", "bmp-565.bmp"];

        foreach (string file in files)
        {
            FaceBox box = Fixtures.Box(Fixtures.SingleResult(CliRun.Of("detect", Fixtures.Path($"formats/{file}"), "--json")).GetProperty("faces")[0]);
            Assert.That(box.IntersectionOverUnion(reference), Is.GreaterThan(0.9f), file);
        }
    }
}
