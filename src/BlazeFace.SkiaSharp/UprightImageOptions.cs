namespace BlazeFace.SkiaSharp;

/// <summary>How <see cref="UprightImage"/> decodes an image file.</summary>
public sealed class UprightImageOptions
{
    private readonly long _maxPixels = 150_000_000;

    /// <summary>The options used when none are given.</summary>
    internal static UprightImageOptions Default { get; } = new();

    /// <summary>
    /// Largest image accepted, in pixels (width x height), checked against the file's header before any pixel memory
    /// is allocated, so a few bytes claiming a huge image (a decompression bomb) cannot make the decoder ask for
    /// gigabytes. Default: 150,000,000 (for example 15,000 x 10,000; 600 MB decoded), above any camera's photos.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public long MaxPixels
    {
        get => _maxPixels;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(MaxPixels));
            _maxPixels = value;
        }
    }
}
