using BlazeFace.Cli.Commands;

namespace BlazeFace.Cli;

/// <summary>The <c>blazeface</c> command: <c>detect</c> faces in images, or <c>bench</c> the detector.</summary>
internal static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.OpenStandardOutput(), Console.Error);

    /// <summary>Runs one command line; the tests call this in process with their own writers.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="output">Standard output for text (tables, help).</param>
    /// <param name="standardOutput">Standard output as bytes, for JSON lines written as UTF-8.</param>
    /// <param name="error">Standard error: one line per problem, and parse errors with usage.</param>
    /// <returns>The exit code: 0 ok, 1 bad command line, 2 an image or model could not be read.</returns>
    internal static int Run(string[] args, TextWriter output, Stream standardOutput, TextWriter error)
    {
        var console = new CliConsole(output, standardOutput, error);
        return BlazeFaceCommandLine.Create(console).Parse(args).Invoke(new() { Output = output, Error = error });
    }
}
