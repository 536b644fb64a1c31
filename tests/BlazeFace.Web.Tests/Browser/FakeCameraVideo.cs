using SkiaSharp;

namespace BlazeFace.Web.Tests.Browser;

/// <summary>
/// A Y4M video (YUV 4:2:0) for Chromium's fake camera (<c>--use-file-for-fake-video-capture</c>), made from a bundled
/// photo: the photo fills the frame's height and pans gently left and right, so the page sees a face that moves a
/// little, as in front of a webcam. Chromium plays it in a loop.
/// </summary>
internal static class FakeCameraVideo
{
    public const int Width = 640;
    public const int Height = 480;

    /// <summary>Frames in one loop (two seconds at 30 frames per second).</summary>
    private const int Frames = 60;

    /// <summary>How far the photo pans from the centre, in pixels.</summary>
    private const int PanPixels = 6;

    public static void Write(string photoPath, string videoPath)
    {
        using SKBitmap photo = SKBitmap.Decode(photoPath);
        using var frame = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(frame);
        using var paint = new SKPaint();
        using FileStream video = File.Create(videoPath);
        video.Write(System.Text.Encoding.ASCII.GetBytes($"YUV4MPEG2 W{Width} H{Height} F30:1 Ip A1:1 C420jpeg\n"));
        byte[] planes = new byte[Width * Height * 3 / 2];
        int side = Height;
        for (int i = 0; i < Frames; i++)
        {
            int offset = (int)Math.Round(PanPixels * Math.Sin(2 * Math.PI * i / Frames));
            canvas.Clear(SKColors.Black);
            canvas.DrawBitmap(photo, SKRect.Create((Width - side) / 2 + offset, 0, side, side), new SKSamplingOptions(SKFilterMode.Linear), paint);
            ToI420(frame, planes);
            video.Write("FRAME\n"u8);
            video.Write(planes);
        }
    }

    /// <summary>RGB to Y'CbCr 4:2:0 with the BT.601 studio-range matrix, chroma averaged over each 2x2 block.</summary>
    private static void ToI420(SKBitmap frame, byte[] planes)
    {
        ReadOnlySpan<byte> rgba = frame.GetPixelSpan();
        Span<byte> y = planes.AsSpan(0, Width * Height);
        Span<byte> u = planes.AsSpan(Width * Height, Width * Height / 4);
        Span<byte> v = planes.AsSpan(Width * Height * 5 / 4, Width * Height / 4);
        for (int row = 0; row < Height; row++)
        {
            for (int column = 0; column < Width; column++)
            {
                int at = (row * Width + column) * 4;
                y[row * Width + column] = Clamp(16 + ((66 * rgba[at]) + (129 * rgba[at + 1]) + (25 * rgba[at + 2]) + 128) / 256.0);
            }
        }

        for (int row = 0; row < Height / 2; row++)
        {
            for (int column = 0; column < Width / 2; column++)
            {
                double r = 0, g = 0, b = 0;
                for (int dy = 0; dy < 2; dy++)
                {
                    for (int dx = 0; dx < 2; dx++)
                    {
                        int at = (((row * 2) + dy) * Width + (column * 2) + dx) * 4;
                        r += rgba[at] / 4.0;
                        g += rgba[at + 1] / 4.0;
                        b += rgba[at + 2] / 4.0;
                    }
                }

                u[row * Width / 2 + column] = Clamp(128 + ((-38 * r) - (74 * g) + (112 * b)) / 256.0);
                v[row * Width / 2 + column] = Clamp(128 + ((112 * r) - (94 * g) - (18 * b)) / 256.0);
            }
        }
    }

    private static byte Clamp(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
