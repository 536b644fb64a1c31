namespace BlazeFace.Cli.Files;

/// <summary>
/// Whether two paths name the same file, by any path or link, so that an output that would replace an input is
/// refused before any work. .NET has no API for a file's identity (its device and inode on Unix, its volume and file
/// index on Windows), so two checks stand in for it:
/// <list type="number">
/// <item>The real paths: every symbolic link (and Windows junction) in either path resolved, then compared (ignoring
/// case on Windows and macOS, whose file systems usually do). This finds the same name, relative paths, <c>..</c>
/// and symbolic links to the file or to a folder above it.</item>
/// <item>A lock probe for hard links, which share no name: the first file is opened with <see cref="FileShare.None"/>,
/// under an exclusive lock that belongs to the file and not to the name it was opened by (flock on Unix, a share
/// mode on Windows), and the second is opened to read; through another name of the same file that open is refused.
/// Only a file of the same length can be the same, so only those are probed.</item>
/// </list>
/// </summary>
/// <remarks>
/// The probe reports "same" too when some other program holds the second file locked; refusing is the safe answer
/// then. It cannot see hard links where file locking is off (DOTNET_SYSTEM_IO_DISABLEFILELOCKING) or not kept per
/// file (some network file systems); there the rename that writes every output (<see cref="AtomicFile"/>) still
/// leaves the input's bytes alone, since it replaces the output's name rather than writing into the file.
/// </remarks>
internal static class FileIdentity
{
    /// <summary>The most links followed for one path, as Linux's ELOOP limit.</summary>
    private const int MaxLinks = 40;

    /// <summary>How paths and names compare on this platform's usual file systems (Windows and macOS ignore case).</summary>
    public static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <inheritdoc cref="PathComparison"/>
    public static StringComparer PathComparer =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>The full path with every symbolic link resolved; a path whose links loop or cannot be read is returned as far as it resolved.</summary>
    public static string RealPath(string path)
    {
        try
        {
            return Resolve(Path.GetFullPath(path), 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Path.GetFullPath(path);
        }
    }

    /// <summary>
    /// Whether the two existing files, of different real paths, are one file under two names (hard links): the
    /// second cannot be opened while the first is held with <see cref="FileShare.None"/>.
    /// </summary>
    public static bool SameByLock(string a, string b)
    {
        try
        {
            if (new FileInfo(a).Length != new FileInfo(b).Length)
            {
                return false;
            }

            using var first = new FileStream(a, FileMode.Open, FileAccess.Read, FileShare.None);
            try
            {
                using var second = new FileStream(b, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                return false;
            }
            catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
            {
                return true;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The first cannot be held (missing, unreadable, locked elsewhere): whether it is the second cannot be
            // told here, and reading it as an input will fail on its own.
            return false;
        }
    }

    private static string Resolve(string full, int links)
    {
        string? parent = Path.GetDirectoryName(full);
        if (parent is null)
        {
            return full; // a root
        }

        string path = Path.Combine(Resolve(parent, links), Path.GetFileName(full));
        if (new FileInfo(path).LinkTarget is not { } target)
        {
            return path;
        }

        if (links == MaxLinks)
        {
            throw new IOException($"too many levels of symbolic links at {path}");
        }

        return Resolve(Path.GetFullPath(target, Path.GetDirectoryName(path)!), links + 1);
    }
}
