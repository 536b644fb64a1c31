using System.Text;
using BlazeFace.Cli.Batch;
using BlazeFace.Cli.Files;
using BlazeFace.Cli.Output;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// Writes each photo's outcome, in input order, where <c>detect</c> sends it: its error line to stderr, its result
/// to stdout (a JSON line, or table rows under one header) or appended to the --resume file; counts it for the
/// progress line and folds its exit code into the run's.
/// </summary>
/// <param name="console">Where the command writes.</param>
/// <param name="json">Whether results are JSON lines rather than table rows.</param>
/// <param name="tableHeader">The table's column names, written before the first rows.</param>
/// <param name="results">The --resume file the results are appended to instead of stdout, or null.</param>
/// <param name="progress">The progress line on stderr.</param>
/// <param name="stop">Cancelled when the results file cannot be written: the photos after it would have nowhere to go.</param>
/// <param name="exitCode">The exit code of what happened before the photos (a folder that could not be listed), or 0.</param>
internal sealed class DetectResultWriter(CliConsole console, bool json, string tableHeader, ResultsFile? results, BatchProgress progress, CancellationTokenSource stop, int exitCode)
{
    private bool _tableHeaderWritten;

    /// <summary>The run's exit code so far: 0, or that of the last photo that failed, a --roi outside an image (1) outranking an unreadable file (2).</summary>
    public int ExitCode { get; private set; } = exitCode;

    /// <summary>Whether the results file failed, which stopped the run.</summary>
    public bool ResultsFailed { get; private set; }

    /// <summary>Writes one photo's outcome; the pipeline calls this in input order.</summary>
    public void Write(PhotoOutcome outcome)
    {
        if (ResultsFailed)
        {
            return;
        }

        if (outcome.Error is { } error)
        {
            progress.Interrupt();
            console.ReportError(error);
            ExitCode = ExitCode == ExitCodes.Usage ? ExitCode : outcome.ExitCode;
        }
        else if (results is not null)
        {
            try
            {
                results.Append(outcome.Record!);
            }
            catch (OutputFileException e)
            {
                progress.Interrupt();
                console.ReportError($"{e.Path}: {e.Message}; stopping");
                ExitCode = ExitCodes.BadInput;
                ResultsFailed = true;
                stop.Cancel();
                return;
            }
        }
        else if (json)
        {
            console.OutputStream.Write(outcome.Record!);
        }
        else
        {
            progress.Interrupt();
            if (!_tableHeaderWritten)
            {
                console.Output.WriteLine(tableHeader);
                _tableHeaderWritten = true;
            }

            console.Output.Write(Encoding.UTF8.GetString(outcome.Record!));
            console.Output.Flush();
        }

        progress.Completed(outcome.Faces, outcome.Error is not null);
    }
}
