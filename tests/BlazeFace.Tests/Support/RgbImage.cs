using BlazeFace.Imaging;

namespace BlazeFace.Tests.Support;

/// <summary>A tightly packed Rgb24 image the tests own: a photo fixture, or a canvas built by a test.</summary>
internal sealed class RgbImage
{
    public RgbImage(int width, int height)
        : this(width, height, new byte[checked(width * height * 3)])
    {
    }

    public RgbImage(int width, int height, byte[] pixels)
    {
        if (pixels.Length != checked(width * height * 3))
        {
            throw new ArgumentException($"A {width}x{height} Rgb24 image has {width * height * 3} bytes, not {pixels.Length}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public ImageView AsView() => new(Pixels, Width, Height, ImagePixelFormat.Rgb24);

    public ImageBuffer AsBuffer() => new(Pixels, Width, Height, ImagePixelFormat.Rgb24);
}
