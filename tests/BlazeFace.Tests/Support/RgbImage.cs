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

    /// <summary>
    /// Channel <paramref name="channel"/> at the point (<paramref name="u"/>, <paramref name="v"/>) of pixel-centre
    /// coordinates, interpolated bilinearly in double precision and clamped to the edge: how the test scenes and the
    /// benchmark frame resample photos, independently of the library's samplers.
    /// </summary>
    public double Bilinear(double u, double v, int channel)
    {
        u = Math.Clamp(u, 0, Width - 1);
        v = Math.Clamp(v, 0, Height - 1);
        int x0 = (int)u, y0 = (int)v;
        int x1 = Math.Min(x0 + 1, Width - 1), y1 = Math.Min(y0 + 1, Height - 1);
        double fx = u - x0, fy = v - y0;
        double upper = (At(x0, y0, channel) * (1 - fx)) + (At(x1, y0, channel) * fx);
        double lower = (At(x0, y1, channel) * (1 - fx)) + (At(x1, y1, channel) * fx);
        return (upper * (1 - fy)) + (lower * fy);
    }

    private byte At(int x, int y, int channel) => Pixels[(((y * Width) + x) * 3) + channel];
}
