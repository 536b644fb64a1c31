using System.CommandLine;
using System.CommandLine.Help;
using BlazeFace.Cli.Batch;
using BlazeFace.Cli.Commands;

namespace BlazeFace.Cli;

/// <summary>The <c>blazeface</c> command: <c>detect</c> faces in images, <c>video</c>, <c>bench</c> and <c>export</c>.</summary>
internal static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.OpenStandardOutput(), Console.Error, BatchProgress.IsTerminal);

    /// <summary>Runs one command line; the tests call this in process with their own writers.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="output">Standard output for text (tables, help).</param>
    /// <param name="standardOutput">Standard output as bytes, for JSON lines written as UTF-8.</param>
    /// <param name="error">Standard error: one line per problem, never a stack trace.</param>
    /// <param name="errorIsTerminal">Whether <paramref name="error"/> is a terminal, which shows progress as one live line.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>): 0 ok, 1 bad command line, 2 an input could not be read or an output written, 3 a fault of the CLI's own, 130 interrupted.</returns>
    internal static int Run(string[] args, TextWriter output, Stream standardOutput, TextWriter error, bool errorIsTerminal = false)
    {
        var console = new CliConsole(output, standardOutput, error) { ErrorIsTerminal = errorIsTerminal };
        try
        {
            ParseResult result = BlazeFaceCommandLine.Create(console).Parse(args);

            // Help asked for is shown even beside a mistake elsewhere on the line; any other mistake is one line.
            if (result.Errors.Count > 0 && result.Action is not HelpAction)
            {
                error.WriteLine(UsageError.Line(result));
                return ExitCodes.Usage;
            }

            return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Every failure a user can cause is caught where it happens and reported as one line; this is a bug of
            // the CLI's own. Still one line and no stack trace, and an exit code that says it is not the user's.
            console.ReportError($"internal error ({e.GetType().Name}): {e.Message}; please report it");
            return ExitCodes.InternalError;
        }
    }
}
