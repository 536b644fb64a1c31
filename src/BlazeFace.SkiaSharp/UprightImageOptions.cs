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

    /// <summary>
    /// Whether a truncated file (a JPEG, PNG, WebP or GIF cut before its end) is decoded as far as its data goes
    /// instead of refused. Default: <see langword="false"/>, refused with <see cref="InvalidDataException"/>.
    /// </summary>
    /// <remarks>
    /// For files known to be cut short (a download that stopped, a card pulled out mid-write) whose top is worth
    /// searching. What the decoder fills in differs by format: the rows a baseline JPEG, PNG or WebP never reached
    /// are left blank, while a progressive JPEG shows every row at the detail its scans reached (coarser, so faces
    /// found there may sit a few pixels off). Files too small for the size their header announces, corrupt data and
    /// images over <see cref="MaxPixels"/> are still refused.
    /// </remarks>
    public bool AllowPartialImages { get; init; }
}
