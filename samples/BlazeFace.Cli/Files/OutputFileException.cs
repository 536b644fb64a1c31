namespace BlazeFace.Cli.Files;

/// <summary>An output file that could not be written; <see cref="Path"/> is the file, the message says why, so the error line can start with the file it is about.</summary>
/// <param name="path">The output file, as the user named it (or as the CLI named it in the user's folder).</param>
/// <param name="message">Why, without the path: "cannot be written: the folder /x does not exist".</param>
/// <param name="inner">The exception that stopped the write, if any.</param>
internal sealed class OutputFileException(string path, string message, Exception? inner = null) : IOException(message, inner)
{
    public string Path { get; } = path;
}
