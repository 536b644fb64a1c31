using SkiaSharp;

namespace BlazeFace.SkiaSharp;

/// <summary>How <see cref="UprightImage"/> decodes an image file.</summary>
public sealed class UprightImageOptions
{
    private readonly long _maxPixels = 150_000_000;
    private readonly int? _minimumSide;

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

    /// <summary>
    /// A size hint: the fewest pixels the decoded image needs along each side, for a search that samples it at a
    /// lower resolution anyway (pass the detector's <c>Model.InputSize</c>). Default: null, every image at its full
    /// resolution.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A JPEG is decoded at the smallest DCT scale, 1/8, 1/4 or 1/2, whose image keeps both sides at least this long
    /// (a 12-megapixel photo at 1/8 for any bundled model: 500 x 375 pixels, several times faster than its full
    /// decode, and 1/64 of the memory); a WebP at the same scales, by libwebp's averaging resampler; PNG, GIF and
    /// BMP, whose decoders reduce by skipping pixels if at all, and any image whose sides are already short, at full
    /// size. EXIF orientation is applied as usual.
    /// </para>
    /// <para>
    /// The reduced image is not the same input as the full one: a DCT scale averages each 8x8 block, where a
    /// search's bilinear sampling of the full image reads a few of its pixels. Faces found well above the threshold
    /// are found in both, their boxes a little apart; faces near the threshold may come and go. Use
    /// <see cref="UprightImage.Load(string, UprightImageOptions?, out SKSizeI)"/> to learn the full size and
    /// <see cref="SkiaFaceDetectorExtensions.Detect(FaceDetector, SKBitmap, SKSizeI, ImageProcessingOptions)"/> to
    /// have faces reported in its pixels.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int? MinimumSide
    {
        get => _minimumSide;
        init
        {
            if (value is int side)
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(side, 1, nameof(MinimumSide));
            }

            _minimumSide = value;
        }
    }
}
