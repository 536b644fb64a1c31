using System.Runtime.InteropServices;
using BlazeFace.Tests.Support;
using OpenCvSharp;

namespace BlazeFace.Cli.Tests.Video;

/// <summary>
/// A small synthetic video: a face cut from the bundled astronaut photo (raw fixture, no codec), pasted on a grey
/// 320x240 canvas with fresh pixel noise every frame, moving right and down at a constant speed. Frames are BGR Mats
/// as OpenCV writes them; <see cref="FaceCentre"/> is where the face's centre is in each frame.
/// </summary>
internal static class MovingFaceVideo
{
    public const int Width = 320;
    public const int Height = 240;
    public const double FramesPerSecond = 25;

    /// <summary>Side of the pasted square, in pixels; the face box inside it is about <see cref="SpriteSize"/> / 1.6.</summary>
    public const int SpriteSize = 144;

    private const float StartX = 20;
    private const float StartY = 30;
    private const float StepX = 4;
    private const float StepY = 1;
    private const int NoiseAmplitude = 8;

    private static readonly Lazy<Mat> s_sprite = new(CutSprite);

    /// <summary>Where the centre of the pasted face is in frame <paramref name="index"/>.</summary>
    public static (float X, float Y) FaceCentre(int index) =>
        (MathF.Round(StartX + (StepX * index)) + (SpriteSize / 2f), MathF.Round(StartY + (StepY * index)) + (SpriteSize / 2f));

    /// <summary>Renders frame <paramref name="index"/> (CV_8UC3 BGR); the same index and seed give the same pixels.</summary>
    public static Mat Frame(int index, int seed = 1)
    {
        var frame = new Mat(Height, Width, MatType.CV_8UC3, new Scalar(112, 112, 112));
        int left = (int)MathF.Round(StartX + (StepX * index));
        int top = (int)MathF.Round(StartY + (StepY * index));
        using (Mat target = frame[new Rect(left, top, SpriteSize, SpriteSize)])
        {
            s_sprite.Value.CopyTo(target);
        }

        // Uniform noise in [-A, A] on every byte, from a generator seeded per frame.
        byte[] pixels = new byte[Width * Height * 3];
        Marshal.Copy(frame.Data, pixels, 0, pixels.Length);
        var random = new Random((seed * 100_003) + index);
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)Math.Clamp(pixels[i] + random.Next(-NoiseAmplitude, NoiseAmplitude + 1), 0, 255);
        }

        Marshal.Copy(pixels, 0, frame.Data, pixels.Length);
        return frame;
    }

    /// <summary>Writes <paramref name="frames"/> frames with OpenCV's VideoWriter (FFmpeg), e.g. "MJPG" into an .avi, "mp4v" into an .mp4.</summary>
    public static void Write(string path, string fourCC, int frames)
    {
        using var writer = new VideoWriter(path, VideoCaptureAPIs.FFMPEG, FourCC.FromString(fourCC), FramesPerSecond, new Size(Width, Height));
        Assert.That(writer.IsOpened(), Is.True, $"OpenCV cannot write {path} as {fourCC}");
        for (int i = 0; i < frames; i++)
        {
            using Mat frame = Frame(i);
            writer.Write(frame);
        }
    }

    /// <summary>Writes a long video cheaply: the first <paramref name="distinct"/> frames over and over, <paramref name="frames"/> in all.</summary>
    public static void WriteLooped(string path, string fourCC, int frames, int distinct)
    {
        Mat[] loop = [.. Enumerable.Range(0, distinct).Select(i => Frame(i))];
        try
        {
            using var writer = new VideoWriter(path, VideoCaptureAPIs.FFMPEG, FourCC.FromString(fourCC), FramesPerSecond, new Size(Width, Height));
            Assert.That(writer.IsOpened(), Is.True, $"OpenCV cannot write {path} as {fourCC}");
            for (int i = 0; i < frames; i++)
            {
                writer.Write(loop[i % distinct]);
            }
        }
        finally
        {
            Array.ForEach(loop, frame => frame.Dispose());
        }
    }

    /// <summary>The frames of a video file as OpenCV reads them back.</summary>
    public static List<Mat> ReadAll(string path)
    {
        var frames = new List<Mat>();
        using var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        Assert.That(capture.IsOpened(), Is.True, $"OpenCV cannot open {path}");
        while (true)
        {
            var frame = new Mat();
            if (!capture.Read(frame) || frame.Empty())
            {
                frame.Dispose();
                return frames;
            }

            frames.Add(frame);
        }
    }

    /// <summary>A square around the astronaut's face, 1.6 times the detected box's side, scaled to <see cref="SpriteSize"/>.</summary>
    private static Mat CutSprite()
    {
        RgbImage photo = TestImages.Load("astronaut.png");
        using var detector = new FaceDetector();
        FaceBox box = detector.Detect(photo.AsView()).Single().BoundingBox;
        int side = (int)MathF.Round(Math.Max(box.Width, box.Height) * 1.6f);
        int left = Math.Clamp((int)MathF.Round(box.X + (box.Width / 2) - (side / 2f)), 0, photo.Width - side);
        int top = Math.Clamp((int)MathF.Round(box.Y + (box.Height / 2) - (side / 2f)), 0, photo.Height - side);

        using Mat rgb = Mat.FromPixelData(photo.Height, photo.Width, MatType.CV_8UC3, photo.Pixels);
        using Mat crop = rgb[new Rect(left, top, side, side)];
        using var bgr = new Mat();
        Cv2.CvtColor(crop, bgr, ColorConversionCodes.RGB2BGR);
        var sprite = new Mat();
        Cv2.Resize(bgr, sprite, new Size(SpriteSize, SpriteSize), interpolation: InterpolationFlags.Area);
        return sprite;
    }
}
