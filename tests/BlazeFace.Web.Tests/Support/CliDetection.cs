using System.Text;
using System.Text.Json;

namespace BlazeFace.Web.Tests.Support;

/// <summary>What <c>blazeface detect IMAGE --json</c> prints for one image, run in this process: the result the web sample must give.</summary>
internal static class CliDetection
{
    public static JsonElement Result(string imagePath, params string[] options)
    {
        using var text = new StringWriter();
        using var json = new MemoryStream();
        using var error = new StringWriter();
        int exitCode = BlazeFace.Cli.Program.Run(["detect", imagePath, "--json", .. options], text, json, error);
        Assert.That(exitCode, Is.Zero, error.ToString());
        string line = Encoding.UTF8.GetString(json.ToArray()).Trim();
        using JsonDocument document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }
}
