namespace BlazeFace.Cli.Files;

/// <summary>
/// A command's input files, for asking of each output path, before any work, whether it is one of them
/// (<see cref="FileIdentity"/>): by real path first, then by the lock probe among inputs of its length.
/// </summary>
internal sealed class InputFileSet
{
    private readonly IReadOnlyList<string> _files;
    private readonly Lazy<Dictionary<string, string>> _byRealPath;
    private readonly Lazy<ILookup<long, string>> _byLength;

    public InputFileSet(IReadOnlyList<string> files)
    {
        _files = files;
        _byRealPath = new(IndexByRealPath);
        _byLength = new(() => _files.Where(File.Exists).ToLookup(file => new FileInfo(file).Length));
    }

    /// <summary>The input (as given) that <paramref name="output"/> names by any path or link, or null when it names none.</summary>
    public string? InputAt(string output)
    {
        // An output that does not exist yet cannot be an input; most outputs are new.
        if (!File.Exists(output))
        {
            return null;
        }

        if (_byRealPath.Value.TryGetValue(FileIdentity.RealPath(output), out string? input))
        {
            return input;
        }

        return _byLength.Value[new FileInfo(output).Length].FirstOrDefault(candidate => FileIdentity.SameByLock(candidate, output));
    }

    private Dictionary<string, string> IndexByRealPath()
    {
        var index = new Dictionary<string, string>(FileIdentity.PathComparer);
        foreach (string file in _files)
        {
            index.TryAdd(FileIdentity.RealPath(file), file);
        }

        return index;
    }
}
