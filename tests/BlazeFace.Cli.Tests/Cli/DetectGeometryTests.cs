using System.Text.Json;
using BlazeFace.Tests.Support;
using SkiaSharp;

namespace BlazeFace.Cli.Tests;

/// <summary>
/// detect's search geometry and crops: --rotation, --auto-rotate, --roi, --tiles, --crops and --crop-size, and the
/// roll of each face in the JSON.
/// </summary>
public class DetectGeometryTests
{
    private static readonly string Astronaut = RepositoryPaths.Asset("images/astronaut.png");
    private static readonly string GroupMosaic = RepositoryPaths.Asset("images/group_mosaic.png");

    [Test]
    public void Rotation_finds_the_face_of_a_photo_on_its_side_in_the_photos_own_pixels()
    {
        RgbImage upright = TestImages.Load("astronaut.png");
        using var detector = new FaceDetector();
        FaceDetection expected = detector.Detect(upright.AsView()).Single();
        using PhotoFile turned = PhotoFile.Write(TurnedImages.QuarterTurns(upright, 1), "turned.png");

        JsonElement face = SingleFace(CliRun.Of("detect", turned.Path, "--json", "--rotation", "90"));

        (double x, double y) = TurnedImages.QuarterTurnedPoint(upright, 1, expected.Keypoints.NoseTip.X, expected.Keypoints.NoseTip.Y);
        JsonElement nose = face.GetProperty("keypoints")[2];
        Assert.That(nose.GetProperty("x").GetDouble(), Is.EqualTo(x).Within(0.5));
        Assert.That(nose.GetProperty("y").GetDouble(), Is.EqualTo(y).Within(0.5));
    }

    [Test]
    public void Auto_rotate_finds_the_face_of_an_upside_down_photo()
    {
        RgbImage upright = TestImages.Load("astronaut.png");
        using var detector = new FaceDetector();
        FaceDetection expected = detector.Detect(upright.AsView()).Single();
        using PhotoFile upsideDown = PhotoFile.Write(TurnedImages.QuarterTurns(upright, 2), "upside-down.png");

        JsonElement face = SingleFace(CliRun.Of("detect", upsideDown.Path, "--json", "--auto-rotate"));

        (double x, double y) = TurnedImages.QuarterTurnedPoint(upright, 2, expected.Keypoints.NoseTip.X, expected.Keypoints.NoseTip.Y);
        JsonElement nose = face.GetProperty("keypoints")[2];
        Assert.That(nose.GetProperty("x").GetDouble(), Is.EqualTo(x).Within(0.5));
        Assert.That(nose.GetProperty("y").GetDouble(), Is.EqualTo(y).Within(0.5));
        Assert.That(Math.Abs(face.GetProperty("roll").GetDouble()), Is.GreaterThan(150), "an upside-down face rolls by about 180 degrees");
    }

    [Test]
    public void Roi_that_leaves_out_the_face_finds_nothing()
    {
        FaceBox box = Fixtures.Box(SingleFace(CliRun.Of("detect", Astronaut, "--json")));
        int below = (int)MathF.Ceiling(box.Bottom) + 1;

        JsonElement root = Fixtures.SingleResult(CliRun.Of("detect", Astronaut, "--json", "--roi", $"0,{below},512,{512 - below}"));

        Assert.That(root.GetProperty("faces").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void Roi_around_the_face_gives_it_in_the_whole_images_pixels()
    {
        FaceBox box = Fixtures.Box(SingleFace(CliRun.Of("detect", Astronaut, "--json")));
        int left = (int)(box.X - (box.Width / 2)), top = (int)(box.Y - (box.Height / 2));
        int size = (int)(2 * Math.Max(box.Width, box.Height));

        FaceBox found = Fixtures.Box(SingleFace(CliRun.Of("detect", Astronaut, "--json", "--roi", $"{left},{top},{size},{size}")));

        Assert.That(found.IntersectionOverUnion(box), Is.GreaterThan(0.8f));
    }

    [Test]
    public void Tiles_search_the_image_and_still_find_its_face()
    {
        FaceBox plain = Fixtures.Box(SingleFace(CliRun.Of("detect", Astronaut, "--json", "--model", "full")));

        FaceBox tiled = Fixtures.Box(SingleFace(CliRun.Of("detect", Astronaut, "--json", "--model", "full", "--tiles")));

        Assert.That(tiled.IntersectionOverUnion(plain), Is.GreaterThan(0.7f));
    }

    [Test]
    public void Json_gives_each_faces_roll_in_degrees()
    {
        using var detector = new FaceDetector();
        FaceDetection expected = detector.Detect(TestImages.Load("astronaut.png").AsView()).Single();

        JsonElement face = SingleFace(CliRun.Of("detect", Astronaut, "--json"));

        Assert.That(face.GetProperty("roll").GetSingle(), Is.EqualTo(expected.Roll).Within(1e-3f));
    }

    [Test]
    public void Crops_are_one_png_per_face_named_after_the_image_at_the_size_asked()
    {
        string folder = TemporaryFolder();
        try
        {
            int faces = Fixtures.SingleResult(CliRun.Of("detect", GroupMosaic, "--json", "--crops", folder, "--crop-size", "64"))
                .GetProperty("faces").GetArrayLength();

            Assert.That(faces, Is.GreaterThan(1), "the photo has several faces");
            Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName).Order(),
                Is.EqualTo(Enumerable.Range(1, faces).Select(k => $"group_mosaic_face{k}.png")));
            foreach (string crop in Directory.GetFiles(folder))
            {
                using SKCodec codec = SKCodec.Create(crop);
                Assert.That((codec.EncodedFormat, codec.Info.Width, codec.Info.Height), Is.EqualTo((SKEncodedImageFormat.Png, 64, 64)));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Crops_default_to_128_pixels()
    {
        string folder = TemporaryFolder();
        try
        {
            Assert.That(CliRun.Of("detect", Astronaut, "--crops", folder).ExitCode, Is.Zero);

            using SKCodec codec = SKCodec.Create(Path.Combine(folder, "astronaut_face1.png"));
            Assert.That((codec.Info.Width, codec.Info.Height), Is.EqualTo((128, 128)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Crops_of_a_folder_of_images_are_named_per_image()
    {
        string folder = TemporaryFolder();
        string images = TemporaryFolder();
        try
        {
            File.Copy(Astronaut, Path.Combine(images, "first.png"));
            File.Copy(Astronaut, Path.Combine(images, "second.png"));

            CliRun run = CliRun.Of("detect", images, "--crops", folder);

            Assert.That(run.ExitCode, Is.Zero, run.StandardError);
            Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "first_face1.png", "second_face1.png" }));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            Directory.Delete(images, recursive: true);
        }
    }

    [TestCase("--rotation", "upright")]
    [TestCase("--rotation", "NaN")]
    [TestCase("--rotation", "720")]
    [TestCase("--roi", "10,10,100")]
    [TestCase("--roi", "a,b,c,d")]
    [TestCase("--roi", "10,10,0,100")]
    [TestCase("--roi", "-5,10,100,100")]
    [TestCase("--crop-size", "0")]
    [TestCase("--crop-size", "100000")]
    [TestCase("--crop-size", "big")]
    public void A_bad_value_exits_with_1_and_one_line_naming_the_option(string option, string value)
    {
        string folder = TemporaryFolder();
        try
        {
            CliRun run = CliRun.Of("detect", Astronaut, "--crops", folder, option, value);

            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.ErrorLines, Has.Length.EqualTo(1), run.StandardError);
            Assert.That(run.ErrorLines[0], Does.Contain(option));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_roi_reaching_outside_the_image_exits_with_1_and_one_line_naming_the_option()
    {
        CliRun run = CliRun.Of("detect", Astronaut, "--json", "--roi", "400,400,200,200");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1), run.StandardError);
        Assert.That(run.ErrorLines[0], Does.Contain("--roi").And.Contain("512x512"));
        Assert.That(run.StandardOutput, Is.Empty);
    }

    [Test]
    public void Crop_size_without_crops_exits_with_1_and_one_line_naming_both_options()
    {
        CliRun run = CliRun.Of("detect", Astronaut, "--crop-size", "64");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1), run.StandardError);
        Assert.That(run.ErrorLines[0], Does.Contain("--crop-size").And.Contain("--crops"));
    }

    private static JsonElement SingleFace(CliRun run) => Fixtures.SingleResult(run).GetProperty("faces").EnumerateArray().Single();

    private static string TemporaryFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"blazeface-cli-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
