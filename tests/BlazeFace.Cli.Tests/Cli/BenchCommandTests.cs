using System.Text.Json;
using BlazeFace.Tests.Support;

namespace BlazeFace.Cli.Tests;

/// <summary>bench: the one JSON line other tools parse, and its errors.</summary>
public class BenchCommandTests
{
    private static readonly string Astronaut = RepositoryPaths.Asset("images/astronaut.png");

    [Test]
    public void Bench_prints_one_json_line_with_the_documented_fields()
    {
        CliRun run = CliRun.Of("bench", Astronaut, "--model", "short", "--iterations", "3", "--threads", "2");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        using JsonDocument json = JsonDocument.Parse(run.OutputLines.Single());
        JsonElement root = json.RootElement;
        Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
        {
            "model", "iterations", "threads", "inference_ms_median", "detect_ms_median", "allocated_bytes_per_detect", "detect_per_second", "kernels",
        }));
        Assert.That((root.GetProperty("iterations").GetInt32(), root.GetProperty("threads").GetInt32()), Is.EqualTo((3, 2)));
        Assert.That(root.GetProperty("detect_per_second").GetDouble(), Is.GreaterThan(0));
        Assert.That(root.GetProperty("kernels").GetString(), Is.EqualTo(NetworkEngine.Managed.Description));
    }

    [Test]
    public void Bench_with_mesh_adds_the_face_mesh_figures()
    {
        CliRun run = CliRun.Of("bench", Astronaut, "--iterations", "3", "--mesh");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        using JsonDocument json = JsonDocument.Parse(run.OutputLines.Single());
        JsonElement root = json.RootElement;
        Assert.That(root.EnumerateObject().Select(p => p.Name).Skip(8), Is.EqualTo(new[]
        {
            "mesh_inference_ms_median", "detect_mesh_ms_median", "allocated_bytes_per_detect_mesh", "mesh_faces",
        }));
        Assert.That(root.GetProperty("mesh_inference_ms_median").GetDouble(), Is.GreaterThan(0));
        Assert.That(root.GetProperty("detect_mesh_ms_median").GetDouble(), Is.GreaterThan(0));
        Assert.That(root.GetProperty("mesh_faces").GetInt32(), Is.EqualTo(1), "the astronaut's face");
    }

    [Test]
    public void Bench_on_an_unreadable_image_exits_with_2_and_one_line()
    {
        CliRun run = CliRun.Of("bench", Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.png"));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(run.StandardOutput, Is.Empty);
    }
}
