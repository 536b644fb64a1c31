using System.Text.Json;

namespace BlazeFace.Cli.Tests;

/// <summary>Paths of the encoded fixtures (tests/ImageFixtures) and a reader for the CLI's JSON line.</summary>
internal static class Fixtures
{
    public static string Path(string relative) => System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "ImageFixtures", relative);

    /// <summary>The JSON object of a run that processed one image, after checking the run succeeded.</summary>
    public static JsonElement SingleResult(CliRun run)
    {
        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.OutputLines, Has.Length.EqualTo(1), run.StandardOutput);
        using JsonDocument json = JsonDocument.Parse(run.OutputLines[0]);
        return json.RootElement.Clone();
    }

    public static FaceBox Box(JsonElement face)
    {
        JsonElement box = face.GetProperty("box");
        return new FaceBox(box.GetProperty("x").GetSingle(), box.GetProperty("y").GetSingle(), box.GetProperty("width").GetSingle(), box.GetProperty("height").GetSingle());
    }
}
