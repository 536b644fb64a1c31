namespace BlazeFace.Cli.Imaging;

/// <summary>
/// Size limits every decoder enforces on the declared dimensions, before it allocates
/// anything, so a few header bytes cannot make it ask for gigabytes.
/// </summary>
internal static class ImageSizeLimits
{
    /// <summary>Largest accepted width or height: 2^24 pixels.</summary>
    public const int MaxSide = 1 << 24;

    /// <summary>Largest accepted Width*Height: 100 megapixels (300 MB of RGB output).</summary>
    public const long MaxPixels = 100_000_000;

    /// <summary>Throws <see cref="InvalidDataException"/> unless the size is within the limits.</summary>
    /// <param name="format">Format name that prefixes the message, e.g. "PNG".</param>
    public static void Validate(string format, long width, long height)
    {
        if (width < 1 || width > MaxSide)
        {
            throw new InvalidDataException($"{format}: width {width} out of range (1..{MaxSide})");
        }

        if (height < 1 || height > MaxSide)
        {
            throw new InvalidDataException($"{format}: height {height} out of range (1..{MaxSide})");
        }

        if (width * height > MaxPixels)
        {
            throw new InvalidDataException($"{format}: {width}x{height} image exceeds the 100-megapixel limit");
        }
    }
}
