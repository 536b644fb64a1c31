namespace BlazeFace.Cli.Batch;

/// <summary>What one photo of a run came to, for the writer: its result line, or its error line, and its exit code.</summary>
/// <param name="Path">The file, as the results print it.</param>
/// <param name="Record">The result as the output holds it (a JSON line, or table rows), UTF-8, ending with a newline; null when the photo failed.</param>
/// <param name="Faces">How many faces were found.</param>
/// <param name="Error">The one-line error, without "error: ", starting with the file it is about; null when the photo succeeded.</param>
/// <param name="ExitCode">The photo's own exit code (0 on success).</param>
internal sealed record PhotoOutcome(string Path, byte[]? Record, int Faces, string? Error, int ExitCode)
{
    public static PhotoOutcome Failed(string path, string error, int exitCode) => new(path, null, 0, error, exitCode);
}
