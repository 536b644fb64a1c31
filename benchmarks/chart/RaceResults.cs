using System.Globalization;

namespace BlazeFace.RaceChart;

/// <summary>
/// The medians of one EngineRaceBenchmarks run, read from BenchmarkDotNet's CSV report, and the machine line of its
/// markdown report: milliseconds per (model, method).
/// </summary>
internal sealed record RaceResults(IReadOnlyDictionary<(string Model, string Method), double> MedianMs, string Machine, string Runtime)
{
    public const string ReportName = "BlazeFace.Benchmarks.EngineRaceBenchmarks-report";

    public static RaceResults Read(string folder)
    {
        string csv = Path.Combine(folder, ReportName + ".csv");
        string markdown = Path.Combine(folder, ReportName + "-github.md");
        string[] lines = File.ReadAllLines(csv);
        string[] header = SplitCsv(lines[0]);
        int method = Column(header, "Method", csv), model = Column(header, "Model", csv), median = Column(header, "Median", csv);
        var medians = new Dictionary<(string, string), double>();
        foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
        {
            string[] cells = SplitCsv(line);
            medians[(cells[model], cells[method])] = Milliseconds(cells[median], csv);
        }

        // The markdown report opens with BenchmarkDotNet's environment block: OS, CPU, SDK, runtime.
        string[] environment = [.. File.ReadAllLines(markdown).SkipWhile(l => !l.StartsWith("BenchmarkDotNet", StringComparison.Ordinal)).TakeWhile(l => l.Length > 0)];
        string cpu = environment.FirstOrDefault(l => l.Contains("CPU", StringComparison.Ordinal))?.Trim() ?? "unknown CPU";
        string runtime = environment.FirstOrDefault(l => l.TrimStart().StartsWith("[Host]", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown runtime";
        string os = environment.FirstOrDefault()?.Split(',', 2).ElementAtOrDefault(1)?.Trim() ?? string.Empty;
        return new RaceResults(medians, $"{cpu}; {os}", runtime);
    }

    private static int Column(string[] header, string name, string file)
    {
        int index = Array.IndexOf(header, name);
        return index >= 0 ? index : throw new InvalidDataException($"{file} has no '{name}' column.");
    }

    /// <summary>A BenchmarkDotNet time cell ("483.6 μs", "1.234 ms", "1,234.5 ns") in milliseconds.</summary>
    private static double Milliseconds(string cell, string file)
    {
        string[] parts = cell.Replace(",", string.Empty, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new InvalidDataException($"{file}: '{cell}' is not a time (a run that failed shows NA).");
        }

        return parts[1] switch
        {
            "ns" => value / 1e6,
            "μs" or "us" => value / 1e3,
            "ms" => value,
            "s" => value * 1e3,
            _ => throw new InvalidDataException($"{file}: unknown time unit in '{cell}'."),
        };
    }

    private static string[] SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}
