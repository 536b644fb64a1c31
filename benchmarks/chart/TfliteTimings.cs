using System.Text.Json;

namespace BlazeFace.RaceChart;

/// <summary>
/// The TFLite reference runner's timings, as saved next to the race results: one object per model, each what
/// <c>node run.js time MODEL N</c> printed (its <c>median_ms</c> is what the chart draws), plus a note on the build.
/// </summary>
internal sealed record TfliteTimings(IReadOnlyDictionary<string, double> MedianMs, string Engine)
{
    public static TfliteTimings Read(string path)
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement root = json.RootElement;
        var medians = new Dictionary<string, double>();
        foreach (JsonProperty model in root.GetProperty("models").EnumerateObject())
        {
            medians[model.Name] = model.Value.GetProperty("median_ms").GetDouble();
        }

        return new TfliteTimings(medians, root.GetProperty("engine").GetString() ?? "TFLite");
    }
}
