using System.Text;

namespace BlazeFace.Cli.Tests;

/// <summary>One in-process run of the CLI with its stdout and stderr captured.</summary>
internal sealed record CliRun(int ExitCode, string StandardOutput, string StandardError)
{
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var binaryOutput = new MemoryStream();
        using var error = new StringWriter();
        int exitCode = BlazeFace.Cli.Program.Run(args, output, binaryOutput, error);
        output.Flush();
        string text = output.ToString() + Encoding.UTF8.GetString(binaryOutput.ToArray());
        return new CliRun(exitCode, text, error.ToString());
    }

    public string[] OutputLines => StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] ErrorLines => StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
