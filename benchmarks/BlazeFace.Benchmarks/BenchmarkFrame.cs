using BlazeFace.Imaging;
using BlazeFace.Tests.Support;

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

    private static readonly Lazy<byte[]> s_pixels = new(Create);

    /// <summary>The frame's Rgb24 pixels, tightly packed; shared, so never write to it.</summary>
    public static byte[] Pixels => s_pixels.Value;

    /// <summary>A view of <paramref name="pixels"/> as the 640x480 Rgb24 frame.</summary>
    public static ImageView View(byte[] pixels) => new(pixels, Width, Height, ImagePixelFormat.Rgb24);

    private static byte[] Create() => Letterbox(FixturePhotos.Load("astronaut"), Width, Height);

    /// <summary>Scales <paramref name="source"/> uniformly to fit the canvas (bilinear, pixel centres aligned) and centres it on black.</summary>
    private static byte[] Letterbox(RgbImage source, int canvasWidth, int canvasHeight)
    {
        double scale = Math.Min((double)canvasWidth / source.Width, (double)canvasHeight / source.Height);
        int width = (int)Math.Round(source.Width * scale);
        int height = (int)Math.Round(source.Height * scale);
        int left = (canvasWidth - width) / 2;
        int top = (canvasHeight - height) / 2;
        byte[] canvas = new byte[canvasWidth * canvasHeight * 3];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int output = (((top + y) * canvasWidth) + left + x) * 3;
                for (int c = 0; c < 3; c++)
                {
                    canvas[output + c] = (byte)Math.Round(source.Bilinear(((x + 0.5) / scale) - 0.5, ((y + 0.5) / scale) - 0.5, c));
                }
            }
        }

        return canvas;
    }
}
