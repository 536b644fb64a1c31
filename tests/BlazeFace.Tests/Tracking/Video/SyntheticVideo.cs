using BlazeFace.Imaging;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Tracking.Video;

/// <summary>
/// Frames of a synthetic video: face sprites pasted onto a plain grey canvas at positions the test chooses, with
/// fresh uniform pixel noise of ±<see cref="NoiseAmplitude"/> levels over the whole frame every time, so that no two
/// frames are the same and the detector's output jitters as it does on a camera.
/// </summary>
internal sealed class SyntheticVideo
{
    private const byte Background = 112;

    private readonly RgbImage _frame;
    private readonly byte[] _clean;
    private readonly byte[] _noise;
    private readonly Random _random;

    public SyntheticVideo(int width, int height, int noiseAmplitude, int seed)
    {
        _frame = new RgbImage(width, height);
        _clean = new byte[_frame.Pixels.Length];
        _noise = new byte[_frame.Pixels.Length];
        _random = new Random(seed);
        NoiseAmplitude = noiseAmplitude;
    }

    public int Width => _frame.Width;

    public int Height => _frame.Height;

    public int NoiseAmplitude { get; }

    /// <summary>Draws the next frame with each sprite's top-left corner at the rounded position given; the view is valid until the next call.</summary>
    public ImageView Render(ReadOnlySpan<Placement> placements)
    {
        _clean.AsSpan().Fill(Background);
        foreach (Placement placement in placements)
        {
            Paste(placement.Sprite, (int)MathF.Round(placement.X), (int)MathF.Round(placement.Y));
        }

        // Uniform noise in [-A, A] from a random byte: (b x (2A + 1)) >> 8.
        _random.NextBytes(_noise);
        int span = (2 * NoiseAmplitude) + 1;
        byte[] frame = _frame.Pixels;
        for (int i = 0; i < frame.Length; i++)
        {
            int value = _clean[i] + ((_noise[i] * span) >> 8) - NoiseAmplitude;
            frame[i] = (byte)Math.Clamp(value, 0, 255);
        }

        return _frame.AsView();
    }

    private void Paste(FaceSprite sprite, int left, int top)
    {
        int size = sprite.Size;
        for (int y = Math.Max(0, -top); y < size && top + y < Height; y++)
        {
            int x0 = Math.Max(0, -left);
            int x1 = Math.Min(size, Width - left);
            if (x1 <= x0)
            {
                return;
            }

            sprite.Pixels.Pixels.AsSpan(((y * size) + x0) * 3, (x1 - x0) * 3)
                .CopyTo(_clean.AsSpan((((top + y) * Width) + left + x0) * 3));
        }
    }
}

/// <summary>Where a sprite goes in one frame: its top-left corner, in canvas pixels.</summary>
internal readonly record struct Placement(FaceSprite Sprite, float X, float Y);
