using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using BlazeFace.Imaging;

namespace BlazeFace.Benchmarks;

/// <summary>
/// The frame every benchmark uses: the bundled astronaut photo (512x512, one frontal face) scaled to 480x480 and
/// centred on a black 640x480 canvas, like a VGA webcam frame. A real face makes decoding and suppression do their
/// real work (several candidates, one cluster) instead of rejecting every anchor.
/// </summary>
internal static class BenchmarkFrame
{
    public const int Width = 640;
    public const int Height = 480;

    private const string ResourceName = "BlazeFace.Benchmarks.astronaut.ppm.gz";

    private static readonly Lazy<byte[]> s_pixels = new(Create);

    /// <summary>The frame's Rgb24 pixels, tightly packed; shared, so never write to it.</summary>
    public static byte[] Pixels => s_pixels.Value;

    /// <summary>A view of <paramref name="pixels"/> as the 640x480 Rgb24 frame.</summary>
    public static ImageView View(byte[] pixels) => new(pixels, Width, Height, ImagePixelFormat.Rgb24);

    private static byte[] Create() => Letterbox(ReadPhoto(), Width, Height);

    /// <summary>The photo's Rgb24 pixels from the fixture: "P6\n{width} {height}\n255\n" and the bytes, gzipped.</summary>
    private static RgbPhoto ReadPhoto()
    {
        using Stream resource = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded image '{ResourceName}' is missing.");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        byte[] data = buffer.ToArray();
        string[] header = Encoding.ASCII.GetString(data, 0, Math.Min(data.Length, 32)).Split('\n', 4);
        string[] size = header[1].Split(' ');
        int headerLength = header[0].Length + header[1].Length + header[2].Length + 3;
        return new RgbPhoto(int.Parse(size[0], CultureInfo.InvariantCulture), int.Parse(size[1], CultureInfo.InvariantCulture), data[headerLength..]);
    }

    /// <summary>Scales <paramref name="source"/> uniformly to fit the canvas (bilinear, pixel centres aligned) and centres it on black.</summary>
    private static byte[] Letterbox(RgbPhoto source, int canvasWidth, int canvasHeight)
    {
        double scale = Math.Min((double)canvasWidth / source.Width, (double)canvasHeight / source.Height);
        int width = (int)Math.Round(source.Width * scale);
        int height = (int)Math.Round(source.Height * scale);
        int left = (canvasWidth - width) / 2;
        int top = (canvasHeight - height) / 2;
        byte[] canvas = new byte[canvasWidth * canvasHeight * 3];
        for (int y = 0; y < height; y++)
        {
            double v = Math.Clamp(((y + 0.5) / scale) - 0.5, 0, source.Height - 1);
            int y0 = (int)v;
            int y1 = Math.Min(y0 + 1, source.Height - 1);
            double fy = v - y0;
            for (int x = 0; x < width; x++)
            {
                double u = Math.Clamp(((x + 0.5) / scale) - 0.5, 0, source.Width - 1);
                int x0 = (int)u;
                int x1 = Math.Min(x0 + 1, source.Width - 1);
                double fx = u - x0;
                int output = (((top + y) * canvasWidth) + left + x) * 3;
                for (int c = 0; c < 3; c++)
                {
                    double upper = ((1 - fx) * At(source, x0, y0, c)) + (fx * At(source, x1, y0, c));
                    double lower = ((1 - fx) * At(source, x0, y1, c)) + (fx * At(source, x1, y1, c));
                    canvas[output + c] = (byte)Math.Round(((1 - fy) * upper) + (fy * lower));
                }
            }
        }

        return canvas;
    }

    private static byte At(RgbPhoto image, int x, int y, int channel) => image.Pixels[(((y * image.Width) + x) * 3) + channel];

    private sealed record RgbPhoto(int Width, int Height, byte[] Pixels);
}
