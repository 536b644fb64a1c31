using System.Text.Json;

namespace BlazeFace.Cli.Tests.Hardening.ImageFuzzing;

/// <summary>
/// Runs damaged copies of one seed image through the CLI in process (<c>detect FILE --json</c>, the path a user's
/// file takes) and checks the contract on each: exit code 2 with exactly one "error: FILE: ..." line and nothing on
/// stdout, or exit code 0 with one JSON line and nothing on stderr; no exception escapes; no run takes
/// <see cref="TimeLimit"/> or longer.
/// </summary>
/// <remarks>
/// The time checked is the processor time the process spent during the run (decoding and detecting are
/// single-threaded), not the wall clock: on the shared 2-core development machine other jobs stretch a 0.1 s run to
/// several seconds of wall time. The report gives both. One untimed run of the intact seed first takes the JIT
/// compilation out of the first variant's time.
/// </remarks>
internal static class ImageFuzzRunner
{
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(2);

    public static FuzzReport Run(string seedPath, int variants, int seed, string folder)
    {
        byte[] original = File.ReadAllBytes(seedPath);
        var mutator = new ImageMutator(original, new Random(seed));
        string path = Path.Combine(folder, "variant" + Path.GetExtension(seedPath));
        var report = new FuzzReport(Path.GetFileName(seedPath));
        File.WriteAllBytes(path, original);
        CliRun.Of("detect", path, "--json");
        for (int i = 0; i < variants; i++)
        {
            byte[] file = mutator.Next(out string edits);
            File.WriteAllBytes(path, file);
            CliRun run;
            try
            {
                run = CliRun.Of("detect", path, "--json");
            }
#pragma warning disable CA1031 // An exception escaping the entry point is the failure this test looks for.
            catch (Exception e)
#pragma warning restore CA1031
            {
                report.Problems.Add($"variant {i} ({edits}): {e.GetType().Name} escaped Program.Run: {e.Message}");
                continue;
            }

            report.Record(run, $"variant {i} ({edits})");
            if (Problem(run, path) is { } problem)
            {
                report.Problems.Add($"variant {i} ({edits}): {problem}");
            }
            else if (run.ProcessorTime >= TimeLimit)
            {
                report.Problems.Add($"variant {i} ({edits}): took {run.ProcessorTime.TotalSeconds:0.00} s of processor time ({run.Duration.TotalSeconds:0.00} s wall)");
            }
        }

        return report;
    }

    private static string? Problem(CliRun run, string path) => run.ExitCode switch
    {
        2 when run.ErrorLines is [var line] && line.StartsWith($"error: {path}: ", StringComparison.Ordinal) && run.StandardOutput.Length == 0 => null,
        2 => $"exit code 2 but stderr [{run.StandardError}] and stdout [{run.StandardOutput}]",
        0 when run.StandardError.Length == 0 && run.OutputLines is [var json] && IsDetectionJson(json) => null,
        0 => $"exit code 0 but stderr [{run.StandardError}] and stdout [{run.StandardOutput}]",
        _ => $"exit code {run.ExitCode}, stderr [{run.StandardError}]",
    };

    private static bool IsDetectionJson(string line)
    {
        try
        {
            using JsonDocument json = JsonDocument.Parse(line);
            return json.RootElement.TryGetProperty("faces", out JsonElement faces) && faces.ValueKind == JsonValueKind.Array;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
