namespace BlazeFace.Cli.Commands;

/// <summary>Expands the command's image arguments: files stay as given, folders become their image files.</summary>
internal static class InputFiles
{
    /// <summary>The extensions a folder's files are picked by: the formats the CLI decodes.</summary>
    public static IReadOnlySet<string> ImageExtensions { get; } =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp" };

    public static List<string> Expand(IEnumerable<string> arguments)
    {
        var files = new List<string>();
        foreach (string argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                files.AddRange(Directory.EnumerateFiles(argument)
                    .Where(path => ImageExtensions.Contains(Path.GetExtension(path)))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                // A missing file is reported when it is read, like any other unreadable file.
                files.Add(argument);
            }
        }

        return files;
    }
}
