namespace BlazeFace.Cli.Commands;

/// <summary>Where a command writes: text output, the same output as a byte stream (JSON lines), and errors.</summary>
/// <param name="Output">Standard output for text.</param>
/// <param name="OutputStream">Standard output as bytes; flush <paramref name="Output"/> before writing here.</param>
/// <param name="Error">Standard error.</param>
internal sealed record CliConsole(TextWriter Output, Stream OutputStream, TextWriter Error)
{
    /// <summary>Whether <see cref="Error"/> is a terminal that shows a live progress line (false for a pipe, a file, CI, and the tests' writers).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Writes "error: MESSAGE" as exactly one line, whatever line breaks the message holds.</summary>
    public void ReportError(string message) => Error.WriteLine("error: " + message.ReplaceLineEndings(" "));
}
