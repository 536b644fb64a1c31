namespace BlazeFace.Cli.Commands;

/// <summary>Expands the command's image arguments: files stay as given, folders become their image files.</summary>
internal static class InputFiles
{
    /// <summary>The extensions a folder's files are picked by: the formats the CLI decodes.</summary>
    public static IReadOnlySet<string> ImageExtensions { get; } =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp" };

    /// <summary>The image files of one folder, in ordinal order of their names.</summary>
    /// <exception cref="IOException">The folder cannot be listed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be listed.</exception>
    public static List<string> InFolder(string folder) =>
        [.. Directory.EnumerateFiles(folder)
            .Where(path => ImageExtensions.Contains(Path.GetExtension(path)))
            .Order(StringComparer.Ordinal)];

    /// <summary>Files as given and the image files of each folder; a folder that cannot be listed goes to <paramref name="unreadable"/> and the rest still count.</summary>
    public static List<string> Expand(IEnumerable<string> arguments, Action<string, Exception> unreadable)
    {
        var files = new List<string>();
        foreach (string argument in arguments)
        {
            if (!Directory.Exists(argument))
            {
                // A missing file is reported when it is read, like any other unreadable file.
                files.Add(argument);
                continue;
            }

            try
            {
                files.AddRange(InFolder(argument));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unreadable(argument, e);
            }
        }

        return files;
    }
}
