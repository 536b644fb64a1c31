using System.Diagnostics;
using System.Text;

namespace BlazeFace.Cli.Tests;

/// <summary>
/// One in-process run of the CLI (<see cref="Program.Run"/>) with its stdout and stderr captured, its wall-clock
/// duration, and the processor time the process spent meanwhile (what the run cost, whatever else the machine ran).
/// </summary>
internal sealed record CliRun(int ExitCode, string StandardOutput, string StandardError, TimeSpan Duration, TimeSpan ProcessorTime)
{
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var binaryOutput = new MemoryStream();
        using var error = new StringWriter();
        using Process process = Process.GetCurrentProcess();
        TimeSpan processorStart = process.TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        int exitCode = Program.Run(args, output, binaryOutput, error);
        TimeSpan duration = Stopwatch.GetElapsedTime(start);
        process.Refresh();
        TimeSpan processorTime = process.TotalProcessorTime - processorStart;
        output.Flush();
        string text = output.ToString() + Encoding.UTF8.GetString(binaryOutput.ToArray());
        return new CliRun(exitCode, text, error.ToString(), duration, processorTime);
    }

    /// <summary>Runs the CLI with <paramref name="folder"/> as the process's current folder, as a user's shell would; callers must not run in parallel.</summary>
    public static CliRun In(string folder, params string[] args)
    {
        string previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = folder;
        try
        {
            return Of(args);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    public string[] OutputLines => StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] ErrorLines => StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
