using BlazeFace.Cli.Commands;
using BlazeFace.Cli.Imaging;
using OpenCvSharp;
using SkiaSharp;

namespace BlazeFace.Cli.Video;

/// <summary>
/// A folder of frames: its image files (the extensions <c>detect</c> reads) in ordinal order of their names, each
/// decoded as <c>detect</c> decodes an image (<see cref="ImageFileLoader"/>: EXIF orientation, size limit).
/// </summary>
internal sealed class FrameFolderSource : IFrameSource
{
    private readonly List<string> _files;
    private readonly bool _allowPartialImages;
    private int _next;

    private FrameFolderSource(List<string> files, bool allowPartialImages)
    {
        _files = files;
        _allowPartialImages = allowPartialImages;
    }

    /// <summary>A folder has no frame rate of its own: the frames are spaced by --fps.</summary>
    public double? FramesPerSecond => null;

    public int? FrameCount => _files.Count;

    /// <summary>The frame files, in the order they are read.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <param name="folder">The folder.</param>
    /// <param name="allowPartialImages">Read truncated frames as far as their data goes instead of stopping there.</param>
    /// <exception cref="InvalidDataException">The folder holds no image file.</exception>
    /// <exception cref="IOException">The folder cannot be listed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be listed.</exception>
    public static FrameFolderSource Open(string folder, bool allowPartialImages)
    {
        List<string> files = InputFiles.InFolder(folder);
        return files.Count > 0
            ? new FrameFolderSource(files, allowPartialImages)
            : throw new InvalidDataException($"no image files ({string.Join(' ', InputFiles.ImageExtensions.Order(StringComparer.Ordinal))}) in the folder");
    }

    public bool TryRead(Mat frame, out TimeSpan? reported)
    {
        reported = null;
        if (_next == _files.Count)
        {
            return false;
        }

        string path = _files[_next];
        try
        {
            using SKBitmap image = ImageFileLoader.Load(path, _allowPartialImages);
            SkiaFrames.CopyToBgr(image, frame);
        }
        catch (Exception e) when (ImageFileLoader.IsUnreadable(e))
        {
            throw new InvalidDataException($"frame {_next} cannot be read ({Path.GetFileName(path)}: {e.Message.ReplaceLineEndings(" ")})", e);
        }

        _next++;
        return true;
    }

    public void Dispose()
    {
    }
}
