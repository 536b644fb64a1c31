using SkiaSharp;

namespace BlazeFace.Cli.Batch;

/// <summary>
/// One photo of a run after reading: decoded (at full size, or reduced to what the search needs) or the reason it
/// could not be, with its place in the input order.
/// </summary>
internal sealed class DecodedPhoto : IDisposable
{
    private DecodedPhoto(int index, string path, SKBitmap? bitmap, SKSizeI imageSize, string? error)
    {
        Index = index;
        Path = path;
        Bitmap = bitmap;
        ImageSize = imageSize;
        Error = error;
    }

    /// <summary>The photo's place in the input order, from 0.</summary>
    public int Index { get; }

    /// <summary>The file, as the results print it.</summary>
    public string Path { get; }

    /// <summary>The decoded pixels, upright; null when the file could not be read.</summary>
    public SKBitmap? Bitmap { get; }

    /// <summary>The size of the file's image, upright: the bitmap's, or larger when it was decoded reduced.</summary>
    public SKSizeI ImageSize { get; }

    /// <summary>Why the file could not be read, without its path; null when it was.</summary>
    public string? Error { get; }

    /// <summary>Whether the bitmap is smaller than the image (decoded at a DCT scale).</summary>
    public bool IsReduced => Bitmap is { } bitmap && (bitmap.Width != ImageSize.Width || bitmap.Height != ImageSize.Height);

    public static DecodedPhoto Decoded(int index, string path, SKBitmap bitmap, SKSizeI imageSize) => new(index, path, bitmap, imageSize, null);

    public static DecodedPhoto Unreadable(int index, string path, string error) => new(index, path, null, default, error);

    public void Dispose() => Bitmap?.Dispose();
}
