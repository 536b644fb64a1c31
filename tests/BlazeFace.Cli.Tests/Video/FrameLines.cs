using System.Text.Json;

namespace BlazeFace.Cli.Tests.Video;

/// <summary>The video command's JSON lines, parsed.</summary>
internal static class FrameLines
{
    public static List<JsonElement> Parse(CliRun run)
    {
        var frames = new List<JsonElement>();
        foreach (string line in run.OutputLines)
        {
            using JsonDocument json = JsonDocument.Parse(line);
            frames.Add(json.RootElement.Clone());
        }

        return frames;
    }

    public static JsonElement[] Faces(JsonElement frame) => [.. frame.GetProperty("faces").EnumerateArray()];

    public static long[] Ids(JsonElement frame) => [.. Faces(frame).Select(face => face.GetProperty("id").GetInt64())];

    /// <summary>The centre of the frame's only face's box.</summary>
    public static (float X, float Y) Centre(JsonElement frame)
    {
        FaceBox box = Fixtures.Box(Faces(frame).Single());
        return (box.X + (box.Width / 2), box.Y + (box.Height / 2));
    }

    /// <summary>The stderr lines other than progress reports, which a slow machine may interleave.</summary>
    public static string[] ErrorLinesBesidesProgress(CliRun run) => [.. run.ErrorLines.Where(line => !line.StartsWith("progress:", StringComparison.Ordinal))];
}
