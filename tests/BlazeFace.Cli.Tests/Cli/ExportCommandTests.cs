using BlazeFace.Tests.Support;

namespace BlazeFace.Cli.Tests;

/// <summary>export: the file is exactly what BlazeFaceModel.ExportOnnx writes, and a failure leaves no file behind.</summary>
public class ExportCommandTests
{
    [TestCase("short", BundledModel.ShortRange)]
    [TestCase("full", BundledModel.FullRange)]
    [TestCase("back", BundledModel.BackCamera)]
    public void Export_writes_the_models_onnx_graph_and_one_summary_line(string name, BundledModel kind)
    {
        string output = Path.Combine(Path.GetTempPath(), $"blazeface-{Guid.NewGuid():N}.onnx");
        try
        {
            CliRun run = CliRun.Of("export", "--model", name, output);

            using var expected = new MemoryStream();
            kind.Load().ExportOnnx(expected);
            Assert.That(run.ExitCode, Is.Zero, run.StandardError);
            Assert.That(File.ReadAllBytes(output), Is.EqualTo(expected.ToArray()));
            Assert.That(run.OutputLines.Single(), Does.Contain("opset 17").And.Contain($"classificators [1, {kind.Load().AnchorCount}, 1]"));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Test]
    public void A_model_file_that_is_not_a_model_exits_with_2_and_writes_nothing()
    {
        string folder = Directory.CreateTempSubdirectory("blazeface-export-").FullName;
        try
        {
            string model = Path.Combine(folder, "broken.tflite");
            File.WriteAllBytes(model, [1, 2, 3, 4, 5, 6, 7, 8]);
            string output = Path.Combine(folder, "out.onnx");

            CliRun run = CliRun.Of("export", "--model", model, output);

            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(Directory.GetFiles(folder), Is.EqualTo(new[] { model }));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void An_output_in_a_missing_folder_exits_with_2_and_one_line()
    {
        string output = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "model.onnx");

        CliRun run = CliRun.Of("export", output);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines.Single(), Does.StartWith($"error: {output}: cannot be written: the folder "));
    }

    [Test]
    public void Export_without_an_output_is_a_usage_error()
    {
        Assert.That(CliRun.Of("export").ExitCode, Is.EqualTo(1));
    }
}
