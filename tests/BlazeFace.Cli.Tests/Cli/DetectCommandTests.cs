using System.Text.Json;
using BlazeFace.Cli.Imaging;
using BlazeFace.Imaging;
using BlazeFace.Tests.Support;

namespace BlazeFace.Cli.Tests;

/// <summary>The CLI's detect command: its JSON shape, its table, several inputs, and its exit codes.</summary>
public class DetectCommandTests
{
    private static readonly string Astronaut = RepositoryPaths.Asset("images/astronaut.png");

    [Test]
    public void Json_output_is_exactly_one_object_with_the_documented_fields()
    {
        CliRun run = CliRun.Of("detect", Astronaut, "--json");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.OutputLines, Has.Length.EqualTo(1));
        using JsonDocument json = JsonDocument.Parse(run.OutputLines[0]);
        JsonElement root = json.RootElement;
        Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "image", "width", "height", "model", "faces" }));
        Assert.That(root.GetProperty("image").GetString(), Is.EqualTo(Astronaut));
        Assert.That(root.GetProperty("width").GetInt32(), Is.EqualTo(512));
        Assert.That(root.GetProperty("height").GetInt32(), Is.EqualTo(512));
        Assert.That(root.GetProperty("model").GetString(), Is.EqualTo("short"));
        JsonElement face = root.GetProperty("faces").EnumerateArray().Single();
        Assert.That(face.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "score", "box", "keypoints" }));
        Assert.That(face.GetProperty("box").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "x", "y", "width", "height" }));
        Assert.That(face.GetProperty("keypoints").EnumerateArray().Select(k => k.GetProperty("name").GetString()),
            Is.EqualTo(new[] { "right_eye", "left_eye", "nose_tip", "mouth_center", "right_ear_tragion", "left_ear_tragion" }));
    }

    [Test]
    public void Json_coordinates_are_the_detectors_in_source_image_pixels()
    {
        RgbImage image = TestImages.Load("astronaut.png");
        using var detector = new FaceDetector(new FaceDetectorOptions { Model = BlazeFaceModel.FullRange });
        FaceDetection expected = detector.Detect(image.AsView()).Single();

        using JsonDocument json = JsonDocument.Parse(CliRun.Of("detect", Astronaut, "--json", "--model", "full").OutputLines[0]);

        JsonElement box = json.RootElement.GetProperty("faces")[0].GetProperty("box");
        Assert.That(box.GetProperty("x").GetSingle(), Is.EqualTo(expected.BoundingBox.X));
        Assert.That(box.GetProperty("width").GetSingle(), Is.EqualTo(expected.BoundingBox.Width));
        Assert.That(json.RootElement.GetProperty("model").GetString(), Is.EqualTo("full"));
    }

    [Test]
    public void Model_argument_is_echoed_as_given_for_a_model_file()
    {
        string modelPath = RepositoryPaths.Asset("models/face_detection_full_range.tflite");

        using JsonDocument json = JsonDocument.Parse(CliRun.Of("detect", Astronaut, "--json", "--model", modelPath).OutputLines[0]);

        Assert.That(json.RootElement.GetProperty("model").GetString(), Is.EqualTo(modelPath));
        Assert.That(json.RootElement.GetProperty("faces").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public void A_folder_gives_one_json_line_per_image()
    {
        string folder = RepositoryPaths.Asset("images");
        int images = Directory.GetFiles(folder, "*.png").Length;

        CliRun run = CliRun.Of("detect", folder, "--json");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.OutputLines, Has.Length.EqualTo(images));
        Assert.That(run.OutputLines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("image").GetString()), Is.Unique);
    }

    [Test]
    public void Without_json_a_table_has_a_row_per_face()
    {
        CliRun run = CliRun.Of("detect", Astronaut);

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.OutputLines, Has.Length.EqualTo(2), "header and one face");
        Assert.That(run.OutputLines[1], Does.StartWith(Astronaut));
    }

    [Test]
    public void An_unreadable_image_gives_a_one_line_error_and_exit_code_2()
    {
        string path = Path.Combine(Path.GetTempPath(), $"blazeface-missing-{Guid.NewGuid():N}.png");

        CliRun run = CliRun.Of("detect", path, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(run.ErrorLines[0], Does.Contain(path));
        Assert.That(run.StandardOutput, Is.Empty);
    }

    [Test]
    public void A_malformed_model_file_gives_a_one_line_error_and_exit_code_2()
    {
        string path = Path.Combine(Path.GetTempPath(), $"blazeface-bad-{Guid.NewGuid():N}.tflite");
        File.WriteAllBytes(path, File.ReadAllBytes(RepositoryPaths.Asset("models/face_detection_front.tflite"))[..5000]);
        try
        {
            CliRun run = CliRun.Of("detect", Astronaut, "--model", path);

            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(run.ErrorLines[0], Does.Contain(path));
        }
        finally
        {
            File.Delete(path);
        }
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
            Assert.That(run.ErrorLines.Single(), Does.Contain(bad));
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Test]
    public void Out_writes_an_annotated_png_of_the_same_size()
    {
        string outPath = Path.Combine(Path.GetTempPath(), $"blazeface-out-{Guid.NewGuid():N}.png");
        try
        {
            CliRun run = CliRun.Of("detect", Astronaut, "--out", outPath);

            Assert.That(run.ExitCode, Is.Zero, run.StandardError);
            RgbImage annotated = ImageDecoder.DecodeFile(outPath);
            Assert.That((annotated.Width, annotated.Height), Is.EqualTo((512, 512)));
            Assert.That(annotated.Pixels, Is.Not.EqualTo(TestImages.Load("astronaut.png").Pixels), "boxes were drawn");
        }
        finally
        {
            File.Delete(outPath);
        }
    }

    [TestCase("--nms", "soft")]
    [TestCase("--resize", "crop")]
    [TestCase("--min-score", "high")]
    [TestCase("--frobnicate", "1")]
    public void A_bad_option_prints_usage_and_exits_with_1(string option, string value)
    {
        CliRun run = CliRun.Of("detect", Astronaut, option, value);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StandardError, Does.Contain("usage:"));
    }
}
