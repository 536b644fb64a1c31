using System.Text.Json;

namespace BlazeFace.Cli.Tests;

/// <summary>
/// EXIF orientation is applied: for a photo stored turned or mirrored, the JSON's size and coordinates are those of
/// the picture as displayed (tests/ImageFixtures/exif: the portrait stored eight ways, each displaying upright).
/// </summary>
public class ExifOrientationTests
{
    private static FaceBox s_upright;

    [OneTimeSetUp]
    public static void DetectOnTheUprightPortrait() =>
        s_upright = Fixtures.Box(Fixtures.SingleResult(CliRun.Of("detect", Fixtures.Path("exif/upright.png"), "--json")).GetProperty("faces")[0]);

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(6)]
    [TestCase(7)]
    [TestCase(8)]
    public void The_size_and_face_are_those_of_the_displayed_picture(int orientation)
    {
        JsonElement root = Fixtures.SingleResult(CliRun.Of("detect", Fixtures.Path($"exif/orientation-{orientation}.jpg"), "--json", "--full-resolution"));

        Assert.That((root.GetProperty("width").GetInt32(), root.GetProperty("height").GetInt32()), Is.EqualTo((256, 300)));
        FaceBox box = Fixtures.Box(root.GetProperty("faces").EnumerateArray().Single());
        Assert.That(box.X, Is.EqualTo(s_upright.X).Within(3f));
        Assert.That(box.Y, Is.EqualTo(s_upright.Y).Within(3f));
        Assert.That(box.Width, Is.EqualTo(s_upright.Width).Within(3f));
    }

    [Test]
    public void A_reduced_decode_gives_the_displayed_size_and_the_face_where_it_is_displayed([Range(1, 8)] int orientation)
    {
        // By default the 256 x 300 JPEG is decoded at 1/2 (128 x 150, the short-range model's 128 pixels kept).
        JsonElement root = Fixtures.SingleResult(CliRun.Of("detect", Fixtures.Path($"exif/orientation-{orientation}.jpg"), "--json"));

        Assert.That((root.GetProperty("width").GetInt32(), root.GetProperty("height").GetInt32()), Is.EqualTo((256, 300)));
        FaceBox box = Fixtures.Box(root.GetProperty("faces").EnumerateArray().Single());
        Assert.That(box.IntersectionOverUnion(s_upright), Is.AtLeast(0.85f), $"{box} against {s_upright}");
    }
}
