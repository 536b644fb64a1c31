namespace BlazeFace.Cli.Files;

/// <summary>
/// How the CLI writes every file: into a hidden temporary file beside the destination, renamed over it once complete.
/// A failure or a stop part-way leaves the destination as it was (and no temporary file, except after a kill), and
/// renaming replaces the destination's directory entry rather than writing into the file behind it, so even a
/// destination that is a link to an input leaves the input's bytes alone.
/// </summary>
internal static class AtomicFile
{
    /// <summary>
    /// A fresh temporary path in the destination's folder (a rename within one file system is atomic), hidden, with
    /// the destination's extension kept last: OpenCV picks a video's container by it.
    /// </summary>
    /// <exception cref="OutputFileException">The destination's folder does not exist.</exception>
    public static string TemporaryPathFor(string destination)
    {
        string folder = FolderOf(destination);
        if (!Directory.Exists(folder))
        {
            throw new OutputFileException(destination, $"cannot be written: the folder {folder} does not exist");
        }

        string name = $".{Path.GetFileNameWithoutExtension(destination)}.{Guid.NewGuid().ToString("N")[..12]}.tmp{Path.GetExtension(destination)}";
        return Path.Combine(folder, name);
    }

    /// <summary>Writes <paramref name="destination"/> through a temporary file; on any exception the destination is untouched.</summary>
    /// <exception cref="OutputFileException">The file cannot be written or renamed into place.</exception>
    public static void Write(string destination, Action<Stream> write)
    {
        string temporary = TemporaryPathFor(destination);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
            }

            Commit(temporary, destination);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Discard(temporary);
            throw e as OutputFileException ?? Failed(destination, e);
        }
        catch
        {
            Discard(temporary);
            throw;
        }
    }

    /// <summary>Renames the complete temporary file over the destination.</summary>
    /// <exception cref="OutputFileException">The rename failed (the destination is a folder, or the folder does not allow it).</exception>
    public static void Commit(string temporary, string destination)
    {
        if (Directory.Exists(destination))
        {
            throw new OutputFileException(destination, "cannot be written: it is a folder");
        }

        try
        {
            File.Move(temporary, destination, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failed(destination, e);
        }
    }

    /// <summary>Creates an output folder (and any folder above it) unless it exists.</summary>
    /// <exception cref="OutputFileException">The folder cannot be created.</exception>
    public static void CreateFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFileException(folder, e is UnauthorizedAccessException ? "cannot be created: permission denied" : $"cannot be created: {e.Message.ReplaceLineEndings(" ")}", e);
        }
    }

    /// <summary>Deletes a temporary file that will not be committed; a file that cannot be deleted stays (it is hidden, and never a destination).</summary>
    public static void Discard(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Why a write failed, in words about the destination rather than the temporary file the system's message names.</summary>
    public static OutputFileException Failed(string destination, Exception e) => new(
        destination,
        e is UnauthorizedAccessException ? $"cannot be written: permission denied in {FolderOf(destination)}" : $"cannot be written: {e.Message.ReplaceLineEndings(" ")}",
        e);

    private static string FolderOf(string destination)
    {
        string full = Path.GetFullPath(destination);
        return Path.GetDirectoryName(full) is { Length: > 0 } folder ? folder : Path.GetPathRoot(full)!;
    }
}
