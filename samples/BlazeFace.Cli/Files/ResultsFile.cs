using System.Text;
using System.Text.Json;

namespace BlazeFace.Cli.Files;

/// <summary>
/// The JSON-lines file of <c>--resume</c>: the images it already holds are skipped, and each new result is appended
/// as one whole line the moment its image is done, so a run stopped in any way (Ctrl+C, a kill, a crash) keeps every
/// line it finished and the next run picks up from there.
/// </summary>
/// <remarks>
/// <para>
/// Appending, not the temporary file and rename every other output goes through: a rename would publish the results
/// only when the run ends, and a killed run would lose all of them. Each line goes to the file in one write, ending
/// with its newline, and is flushed to the operating system at once (on disk when the file is closed); the lines
/// before it are never written again.
/// </para>
/// <para>
/// A run killed in the middle of a write, or a power cut, can leave a last line without its newline: opening the file
/// cuts that incomplete line off (the newline is written last, so a line without one is unfinished) and says so, and
/// its image is searched again. Only a line that starts as every result does, <c>{"image":</c>, is cut off, so a file
/// that is no results file is never shortened. Every complete line must be a JSON object naming its "image" (blank lines are
/// passed over); a file holding anything else is refused rather than appended to.
/// </para>
/// </remarks>
internal sealed class ResultsFile : IDisposable
{
    private readonly FileStream _stream;

    private ResultsFile(FileStream stream, HashSet<string> images, long droppedBytes)
    {
        _stream = stream;
        Images = images;
        DroppedBytes = droppedBytes;
    }

    /// <summary>The "image" of every complete line, as written.</summary>
    public IReadOnlySet<string> Images { get; }

    /// <summary>How many bytes of an incomplete last line were cut off on opening; 0 when the file ended with a whole line.</summary>
    public long DroppedBytes { get; }

    /// <summary>Opens (or creates) the file, reads its images, and cuts off an incomplete last line.</summary>
    /// <exception cref="OutputFileException">The file cannot be opened or written (a folder, no permission, in use by another run).</exception>
    /// <exception cref="InvalidDataException">A complete line is not a JSON object with a string "image"; the message names the line.</exception>
    public static ResultsFile Open(string path)
    {
        if (Directory.Exists(path))
        {
            throw new OutputFileException(path, "cannot be written: it is a folder");
        }

        FileStream stream;
        try
        {
            // FileShare.None locks the file (an advisory lock on Unix), so a second run appending to it at once is
            // refused instead of writing over the first one's lines; tools that only read it are not held up.
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFileException(path, e is UnauthorizedAccessException
                ? "cannot be written: permission denied"
                : $"cannot be opened for appending (is another run using it?): {e.Message.ReplaceLineEndings(" ")}", e);
        }

        try
        {
            (HashSet<string> images, long complete) = ReadImages(stream, path);
            long dropped = stream.Length - complete;
            if (dropped > 0)
            {
                CheckUnfinishedLine(stream, complete, images.Count + 1);
                stream.SetLength(complete);
            }

            stream.Seek(0, SeekOrigin.End);
            return new ResultsFile(stream, images, dropped);
        }
        catch (Exception e)
        {
            stream.Dispose();
            if (e is IOException and not OutputFileException)
            {
                throw AtomicFile.Failed(path, e);
            }

            throw;
        }
    }

    /// <summary>Appends one result line (ending with its newline) and flushes it to the operating system.</summary>
    /// <exception cref="OutputFileException">The line could not be written.</exception>
    public void Append(ReadOnlySpan<byte> line)
    {
        try
        {
            _stream.Write(line);
            _stream.Flush();
        }
        catch (IOException e)
        {
            throw AtomicFile.Failed(_stream.Name, e);
        }
    }

    public void Dispose()
    {
        try
        {
            _stream.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            // Every line reached the operating system already; the disk will have them in its own time.
        }

        _stream.Dispose();
    }

    /// <summary>The images of the complete lines, and where the last complete line ends.</summary>
    private static (HashSet<string> Images, long CompleteLength) ReadImages(FileStream stream, string path)
    {
        var images = new HashSet<string>(StringComparer.Ordinal);
        var line = new MemoryStream();
        byte[] buffer = new byte[64 * 1024];
        long position = 0;
        long complete = 0;
        int lineNumber = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            int start = 0;
            for (int newline; start < read && (newline = Array.IndexOf(buffer, (byte)'\n', start, read - start)) >= 0; start = newline + 1)
            {
                line.Write(buffer, start, newline - start);
                lineNumber++;
                ReadOnlySpan<byte> text = line.GetBuffer().AsSpan(0, (int)line.Length);
                if (!text.Trim(" \t\r"u8).IsEmpty)
                {
                    images.Add(ImageOf(text, path, lineNumber));
                }

                line.SetLength(0);
                complete = position + newline + 1;
            }

            line.Write(buffer, start, read - start);
            position += read;
        }

        return (images, complete);
    }

    /// <summary>
    /// Refuses to cut off a last line that is not the start of a result: every line this command writes starts with
    /// <c>{"image":</c>, and anything else (a file that is no results file at all, with no newline in it) stays whole.
    /// </summary>
    private static void CheckUnfinishedLine(FileStream stream, long start, int lineNumber)
    {
        ReadOnlySpan<byte> expected = "{\"image\":"u8;
        Span<byte> head = stackalloc byte[expected.Length];
        stream.Seek(start, SeekOrigin.Begin);
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (!expected.StartsWith(head[..read]))
        {
            throw new InvalidDataException(
                $"line {lineNumber} has no newline and is not the start of a detect result (a JSON object naming its \"image\" first); refusing to cut it off or append to it");
        }
    }

    private static string ImageOf(ReadOnlySpan<byte> line, string path, int lineNumber)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("image", out JsonElement image)
                && image.ValueKind == JsonValueKind.String
                && !reader.Read())
            {
                return image.GetString()!;
            }
        }
        catch (JsonException)
        {
        }

        throw new InvalidDataException(
            $"line {lineNumber} is not a detect result (a JSON object naming its \"image\"): {Encoding.UTF8.GetString(line[..Math.Min(line.Length, 60)])}; refusing to append to it");
    }
}
