using System.Diagnostics;
using System.Text;

namespace BlazeFace.Cli.Tests;

/// <summary>One in-process run of the CLI (<see cref="Program.Run"/>) with its stdout and stderr captured.</summary>
internal sealed record CliRun(int ExitCode, string StandardOutput, string StandardError, TimeSpan Duration)
{
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var binaryOutput = new MemoryStream();
        using var error = new StringWriter();
        long start = Stopwatch.GetTimestamp();
        int exitCode = Program.Run(args, output, binaryOutput, error);
        TimeSpan duration = Stopwatch.GetElapsedTime(start);
        output.Flush();
        string text = output.ToString() + Encoding.UTF8.GetString(binaryOutput.ToArray());
        return new CliRun(exitCode, text, error.ToString(), duration);
    }

    public string[] OutputLines => StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] ErrorLines => StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
