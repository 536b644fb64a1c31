namespace BlazeFace.Cli.Commands;

/// <summary>Expands the command's positional arguments: files stay as given, folders become their image files.</summary>
internal static class InputFiles
{
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".png", ".ppm", ".pgm", ".pnm", ".jpg", ".jpeg" };

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
