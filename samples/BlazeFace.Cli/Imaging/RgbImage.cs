using BlazeFace.Imaging;

namespace BlazeFace.Cli.Imaging;

/// <summary>
/// An image with 8 bits per channel and three channels (R, G, B), the one pixel
/// layout every decoder in this folder produces and the encoder accepts.
/// </summary>
/// <remarks>
/// <see cref="Pixels"/> is row-major with no row padding: the pixel at (x, y)
/// starts at index <c>(y * Width + x) * 3</c>.
/// </remarks>
internal sealed class RgbImage
{
    /// <summary>Creates a black image of the given size.</summary>
    public RgbImage(int width, int height)
        : this(width, height, new byte[CheckedLength(width, height)])
    {
    }

    /// <summary>Wraps existing pixel data without copying it.</summary>
    /// <exception cref="ArgumentException">
    /// The size is not positive or <paramref name="pixels"/> is not exactly Width*Height*3 bytes.
    /// </exception>
    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        long expected = CheckedLength(width, height);
        if (pixels.Length != expected)
        {
            throw new ArgumentException(
                $"A {width}x{height} RGB image needs {expected} bytes, not {pixels.Length}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>Width in pixels (at least 1).</summary>
    public int Width { get; }

    /// <summary>Height in pixels (at least 1).</summary>
    public int Height { get; }

    /// <summary>R, G, B bytes for each pixel, row by row.</summary>
    public byte[] Pixels { get; }

    /// <summary>The image as the detector's input view (Rgb24, tightly packed).</summary>
    public ImageView AsView() => new(Pixels, Width, Height, ImagePixelFormat.Rgb24);

    /// <summary>The image as a storable buffer for <see cref="FaceDetector.DetectBatch"/>.</summary>
    public ImageBuffer AsBuffer() => new(Pixels, Width, Height, ImagePixelFormat.Rgb24);

    private static int CheckedLength(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        long length = (long)width * height * 3;
        if (length > Array.MaxLength)
        {
            throw new ArgumentException($"A {width}x{height} RGB image does not fit in one array.");
        }

        return (int)length;
    }
}
