using BlazeFace.Imaging;

// Not BlazeFace.Tests.Preprocessing: a namespace of that name would capture the partly qualified
// "Preprocessing.ResizeMode" that tests in sibling namespaces use for BlazeFace.Preprocessing.
namespace BlazeFace.Tests.Preprocessing;

/// <summary>An RGB test picture that can be written out in any pixel format, with or without row padding.</summary>
internal sealed class TestImage
{
    private readonly byte[] _rgb;

    private TestImage(int width, int height, byte[] rgb)
    {
        Width = width;
        Height = height;
        _rgb = rgb;
    }

    public int Width { get; }

    public int Height { get; }

    public static TestImage Random(int width, int height, int seed)
    {
        byte[] rgb = new byte[width * height * 3];
        new Random(seed).NextBytes(rgb);
        return new TestImage(width, height, rgb);
    }

    public static TestImage Uniform(int width, int height, byte red, byte green, byte blue)
    {
        byte[] rgb = new byte[width * height * 3];
        for (int i = 0; i < rgb.Length; i += 3)
        {
            (rgb[i], rgb[i + 1], rgb[i + 2]) = (red, green, blue);
        }

        return new TestImage(width, height, rgb);
    }

    public static TestImage FromFunction(int width, int height, Func<int, int, (byte R, byte G, byte B)> colour)
    {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int i = ((y * width) + x) * 3;
                (rgb[i], rgb[i + 1], rgb[i + 2]) = colour(x, y);
            }
        }

        return new TestImage(width, height, rgb);
    }

    /// <summary>The picture as the given format with <paramref name="padding"/> filler bytes after each row; alpha and filler are random.</summary>
    public byte[] Encode(ImagePixelFormat format, int padding = 0)
    {
        int bytesPerPixel = format switch
        {
            ImagePixelFormat.Gray8 => 1,
            ImagePixelFormat.Rgb24 or ImagePixelFormat.Bgr24 => 3,
            _ => 4,
        };
        int stride = (Width * bytesPerPixel) + padding;
        byte[] buffer = new byte[stride * Height];
        new Random(Width + (31 * Height)).NextBytes(buffer);
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                int s = ((y * Width) + x) * 3;
                int d = (y * stride) + (x * bytesPerPixel);
                (byte r, byte g, byte b) = (_rgb[s], _rgb[s + 1], _rgb[s + 2]);
                switch (format)
                {
                    case ImagePixelFormat.Gray8:
                        buffer[d] = r;
                        break;
                    case ImagePixelFormat.Rgb24 or ImagePixelFormat.Rgba32:
                        (buffer[d], buffer[d + 1], buffer[d + 2]) = (r, g, b);
                        break;
                    default:
                        (buffer[d], buffer[d + 1], buffer[d + 2]) = (b, g, r);
                        break;
                }
            }
        }

        return buffer;
    }

    /// <summary>The same picture with every pixel's green and blue set to its red, so that it survives Gray8 unchanged.</summary>
    public TestImage ToGrey()
    {
        byte[] rgb = (byte[])_rgb.Clone();
        for (int i = 0; i < rgb.Length; i += 3)
        {
            (rgb[i + 1], rgb[i + 2]) = (rgb[i], rgb[i]);
        }

        return new TestImage(Width, Height, rgb);
    }
}
