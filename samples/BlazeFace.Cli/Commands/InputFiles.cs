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

    /// <summary>
    /// Files as given and the image files of each folder (with <paramref name="recursive"/>, of its subfolders too),
    /// each folder's in ordinal order of their place in it; a folder that cannot be listed goes to
    /// <paramref name="unreadable"/> and the rest still count.
    /// </summary>
    /// <param name="arguments">The command's file and folder arguments.</param>
    /// <param name="recursive">Whether subfolders are read too; hidden ones (a name starting with '.', such as .thumbnails) and links to folders are not entered.</param>
    /// <param name="extensions">The extensions (with their dot, any case) a folder's files are picked by.</param>
    /// <param name="unreadable">Receives each folder that cannot be listed and why.</param>
    public static List<InputFile> Expand(IEnumerable<string> arguments, bool recursive, IReadOnlySet<string> extensions, Action<string, Exception> unreadable)
    {
        var files = new List<InputFile>();
        foreach (string argument in arguments)
        {
            if (!Directory.Exists(argument))
            {
                // A missing file is reported when it is read, like any other unreadable file.
                files.Add(new InputFile(argument, Path.GetFileName(argument)));
                continue;
            }

            var found = new List<InputFile>();
            var pending = new Stack<(string Folder, string Relative)>();
            pending.Push((argument, ""));
            while (pending.TryPop(out (string Folder, string Relative) folder))
            {
                try
                {
                    foreach (FileSystemInfo entry in new DirectoryInfo(folder.Folder).EnumerateFileSystemInfos())
                    {
                        string path = Path.Combine(folder.Folder, entry.Name);
                        string relative = folder.Relative.Length == 0 ? entry.Name : $"{folder.Relative}/{entry.Name}";
                        if (entry is DirectoryInfo directory)
                        {
                            if (recursive && directory.LinkTarget is null && !entry.Name.StartsWith('.'))
                            {
                                pending.Push((path, relative));
                            }
                        }
                        else if (extensions.Contains(Path.GetExtension(entry.Name)))
                        {
                            found.Add(new InputFile(path, relative));
                        }
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    unreadable(folder.Folder, e);
                }
            }

            found.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
            files.AddRange(found);
        }

        return files;
    }
}
