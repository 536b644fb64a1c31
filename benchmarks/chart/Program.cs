using BlazeFace.RaceChart;
using SkiaSharp;

// Draws the race chart from the race's own output:
//   dotnet run -c Release --project benchmarks/chart -- [--results docs/race] [--tflite docs/race/tflite-time.json] [--out docs/race.png] [--note "how busy the machine was"]
// --results is the folder holding BenchmarkDotNet's EngineRaceBenchmarks-report.csv and -report-github.md.
string results = Option("--results", "docs/race");
string tflitePath = Option("--tflite", Path.Combine(results, "tflite-time.json"));
string output = Option("--out", "docs/race.png");
string note = Option("--note", string.Empty);

RaceResults race = RaceResults.Read(results);
TfliteTimings tflite = TfliteTimings.Read(tflitePath);
(string Key, string Title, string Tflite)[] models =
[
    ("ShortRange", "short range, 128x128", "short"),
    ("FullRangeSparse", "full range sparse, 192x192", "full-sparse"),
    ("FullRange", "full range, 192x192", "full"),
    ("BackCamera", "back camera, 256x256", "back"),
];

var panels = new List<RaceBarChart.Panel>();
foreach ((string key, string title, string tfliteKey) in models.Where(m => race.MedianMs.ContainsKey((m.Key, "ManagedNetwork"))))
{
    var bars = new List<RaceBarChart.Bar>
    {
        new("managed\nnetwork", race.MedianMs[(key, "ManagedNetwork")], RaceBarChart.ColourOf("managed"), false),
        new("ONNX RT\nnetwork", race.MedianMs[(key, "OnnxRuntimeNetwork")], RaceBarChart.ColourOf("onnx"), false),
    };
    if (tflite.MedianMs.TryGetValue(tfliteKey, out double tfliteMs))
    {
        bars.Add(new("TFLite\nnetwork", tfliteMs, RaceBarChart.ColourOf("tflite"), false));
    }

    bars.Add(new("managed\nDetect", race.MedianMs[(key, "ManagedDetect")], RaceBarChart.ColourOf("managed"), true));
    bars.Add(new("ONNX RT\nDetect", race.MedianMs[(key, "OnnxRuntimeDetect")], RaceBarChart.ColourOf("onnx"), true));
    double ratio = race.MedianMs[(key, "OnnxRuntimeNetwork")] / race.MedianMs[(key, "ManagedNetwork")];
    double detectRatio = race.MedianMs[(key, "OnnxRuntimeDetect")] / race.MedianMs[(key, "ManagedDetect")];
    panels.Add(new RaceBarChart.Panel(title, $"ONNX RT / managed: {ratio:0.00}x, {detectRatio:0.00}x", bars));
}

if (panels.Count == 0)
{
    Console.Error.WriteLine($"No EngineRaceBenchmarks medians in {results}.");
    return 1;
}

SKTypeface typeface = SKFontManager.Default.MatchFamily("DejaVu Sans")
    ?? (File.Exists("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") ? SKTypeface.FromFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") : null)
    ?? throw new InvalidOperationException("No DejaVu Sans font found; on Debian, apt-get install fonts-dejavu-core.");
new RaceBarChart(typeface).Draw(
    output,
    "BlazeFace on one CPU core: median milliseconds per frame (lower is better)",
    "Network alone: input tensor in, raw outputs out. Detect: letterbox a 640x480 Rgb24 frame, network, decoding, suppression.",
    panels,
    [
        $"Machine: {race.Machine}",
        $"{race.Runtime}; BenchmarkDotNet medians (EngineRaceBenchmarks), one thread.",
        "ONNX Runtime 1.31.1 on the exported graph: CPU provider, 1 intra-op and 1 inter-op thread, all graph optimisations, pre-bound outputs.",
        "Under each title: ONNX Runtime's median over the managed one, network alone, then Detect.",
        $"TFLite: {tflite.Engine}, median of `tflite-reference time`, same machine and session.",
        .. (note.Length > 0 ? new[] { note } : []),
    ]);
Console.WriteLine($"Wrote {output}");
return 0;

string Option(string name, string fallback)
{
    int index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
