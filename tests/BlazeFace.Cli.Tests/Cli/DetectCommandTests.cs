using System.Text.Json;
using BlazeFace.Tests.Support;
using SkiaSharp;

namespace BlazeFace.Cli.Tests;

/// <summary>The CLI's detect command: its JSON shape, its table, several inputs, --out, and its exit codes.</summary>
public class DetectCommandTests
{
    private static readonly string Astronaut = RepositoryPaths.Asset("images/astronaut.png");

    [Test]
    public void Json_output_is_exactly_one_object_with_the_documented_fields()
    {
        JsonElement root = Fixtures.SingleResult(CliRun.Of("detect", Astronaut, "--json"));

        Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "image", "width", "height", "model", "faces" }));
        Assert.That(root.GetProperty("image").GetString(), Is.EqualTo(Astronaut));
        Assert.That((root.GetProperty("width").GetInt32(), root.GetProperty("height").GetInt32()), Is.EqualTo((512, 512)));
        Assert.That(root.GetProperty("model").GetString(), Is.EqualTo("short"));
        JsonElement face = root.GetProperty("faces").EnumerateArray().Single();
        Assert.That(face.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "score", "box", "roll", "keypoints" }));
        Assert.That(face.GetProperty("box").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "x", "y", "width", "height" }));
        Assert.That(face.GetProperty("keypoints").EnumerateArray().Select(k => k.GetProperty("name").GetString()),
            Is.EqualTo(new[] { "right_eye", "left_eye", "nose_tip", "mouth_center", "right_ear_tragion", "left_ear_tragion" }));
    }

    [Test]
    public void Json_coordinates_are_the_detectors_on_the_photos_own_pixels()
    {
        // The PNG is lossless, so Skia's decode has exactly the raw fixture's pixels.
        using var detector = new FaceDetector(new FaceDetectorOptions { Model = BlazeFaceModel.FullRange });
        FaceDetection expected = detector.Detect(TestImages.Load("astronaut.png").AsView()).Single();

        JsonElement root = Fixtures.SingleResult(CliRun.Of("detect", Astronaut, "--json", "--model", "full"));

        JsonElement face = root.GetProperty("faces")[0];
        Assert.That(Fixtures.Box(face), Is.EqualTo(expected.BoundingBox));
        Assert.That(face.GetProperty("score").GetSingle(), Is.EqualTo(expected.Score));
        Assert.That(root.GetProperty("model").GetString(), Is.EqualTo("full"));
    }

    [Test]
    public void Model_argument_is_echoed_as_given_for_a_model_file()
    {
        string modelPath = RepositoryPaths.Asset("models/face_detection_full_range.tflite");

        JsonElement root = Fixtures.SingleResult(CliRun.Of("detect", Astronaut, "--json", "--model", modelPath));

        Assert.That(root.GetProperty("model").GetString(), Is.EqualTo(modelPath));
        Assert.That(root.GetProperty("faces").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public void The_back_camera_model_is_available_by_name()
    {
        JsonElement root = Fixtures.SingleResult(CliRun.Of("detect", Astronaut, "--json", "--model", "back"));

        Assert.That(root.GetProperty("model").GetString(), Is.EqualTo("back"));
    }

    [Test]
    public void A_folder_gives_one_json_line_per_image_file_in_it()
    {
        string folder = Fixtures.Path("formats");
        int images = Directory.GetFiles(folder).Length;

        CliRun run = CliRun.Of("detect", folder, "--json");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.OutputLines, Has.Length.EqualTo(images));
        Assert.That(run.OutputLines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("image").GetString()), Is.Unique);
    }

    [Test]
    public void Without_json_a_table_has_a_header_and_a_row_per_face()
    {
        CliRun run = CliRun.Of("detect", Astronaut);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.OutputLines, Has.Length.EqualTo(2));
        Assert.That(run.OutputLines[1], Does.StartWith(Astronaut));
    }

    [Test]
    public void A_missing_image_gives_a_one_line_error_and_exit_code_2()
    {
        string path = Path.Combine(Path.GetTempPath(), $"blazeface-missing-{Guid.NewGuid():N}.png");

        CliRun run = CliRun.Of("detect", path, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(run.ErrorLines[0], Does.StartWith($"error: {path}: "));
        Assert.That(run.StandardOutput, Is.Empty);
    }

    [Test]
    public void A_bad_file_among_good_ones_is_reported_and_the_rest_still_processed()
    {
        string bad = Path.Combine(Path.GetTempPath(), $"blazeface-garbage-{Guid.NewGuid():N}.png");
        File.WriteAllText(bad, "not an image");
        try
        {
            CliRun run = CliRun.Of("detect", bad, Astronaut, "--json");

            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.OutputLines, Has.Length.EqualTo(1));
            Assert.That(run.ErrorLines.Single(), Does.StartWith($"error: {bad}: "));
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [TestCase(".png", SKEncodedImageFormat.Png)]
    [TestCase(".jpg", SKEncodedImageFormat.Jpeg)]
    [TestCase(".jpeg", SKEncodedImageFormat.Jpeg)]
    public void Out_writes_the_annotated_image_in_the_format_its_extension_names(string extension, SKEncodedImageFormat format)
    {
        string outPath = Path.Combine(Path.GetTempPath(), $"blazeface-out-{Guid.NewGuid():N}{extension}");
        try
        {
            CliRun run = CliRun.Of("detect", Astronaut, "--out", outPath);

            Assert.That(run.ExitCode, Is.Zero, run.StandardError);
            using SKCodec codec = SKCodec.Create(outPath);
            Assert.That(codec.EncodedFormat, Is.EqualTo(format));
            Assert.That((codec.Info.Width, codec.Info.Height), Is.EqualTo((512, 512)));
        }
        finally
        {
            File.Delete(outPath);
        }
    }

    [Test]
    public void Out_draws_the_box_in_green_on_the_face()
    {
        string outPath = Path.Combine(Path.GetTempPath(), $"blazeface-out-{Guid.NewGuid():N}.png");
        try
        {
            JsonElement face = Fixtures.SingleResult(CliRun.Of("detect", Astronaut, "--json", "--out", outPath)).GetProperty("faces")[0];
            FaceBox box = Fixtures.Box(face);

            // The outline is antialiased, so its centre line is green give or take a little of the photo.
            using SKBitmap annotated = SKBitmap.Decode(outPath);
            SKColor edge = annotated.GetPixel((int)(box.X + (box.Width / 2)), (int)MathF.Round(box.Bottom));
            Assert.That(edge.Green, Is.GreaterThan(220));
            Assert.That(Math.Max(edge.Red, edge.Blue), Is.LessThan(40));
        }
        finally
        {
            File.Delete(outPath);
        }
    }

    [Test]
    public void Out_with_several_images_writes_one_png_each_into_the_folder()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"blazeface-outdir-{Guid.NewGuid():N}");
        try
        {
            CliRun run = CliRun.Of("detect", Astronaut, Fixtures.Path("formats/jpeg-grey.jpg"), "--out", folder);

            Assert.That(run.ExitCode, Is.Zero, run.StandardError);
            Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "astronaut.png", "jpeg-grey.png" }));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Out_naming_a_file_of_another_format_is_a_command_line_error()
    {
        CliRun run = CliRun.Of("detect", Astronaut, "--out", Path.Combine(Path.GetTempPath(), "annotated.tiff"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines.Single(), Does.Contain("--out").And.Contain(".png"));
    }

    [Test]
    public void Out_into_a_folder_that_does_not_exist_is_that_images_error_starting_with_the_output_path()
    {
        string outPath = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "out.png");

        CliRun run = CliRun.Of("detect", Astronaut, "--json", "--out", outPath);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines.Single(), Does.StartWith($"error: {outPath}: cannot be written: the folder "));
        Assert.That(run.StandardOutput, Is.Empty);
    }
}
