using SkiaSharp;

namespace BlazeFace.Web.Tests.Browser;

/// <summary>Reads a screenshot of the page's picture for the overlay the page draws: box edges in the box colour (#00e676).</summary>
internal sealed class OverlayPixels : IDisposable
{
    private static readonly SKColor BoxColour = new(0x00, 0xE6, 0x76);

    private readonly SKBitmap _screenshot;

    public OverlayPixels(byte[] png) => _screenshot = SKBitmap.Decode(png);

    public int Width => _screenshot.Width;

    /// <summary>
    /// The share of columns from 10% to 90% of a horizontal line's length that have a box-coloured pixel within
    /// <paramref name="tolerance"/> rows of it: near 1 along a drawn edge, near 0 elsewhere.
    /// </summary>
    public double HorizontalLineCoverage(double left, double right, double y, int tolerance)
    {
        int from = (int)Math.Round(left + ((right - left) * 0.1));
        int to = (int)Math.Round(right - ((right - left) * 0.1));
        int covered = 0;
        for (int x = from; x <= to; x++)
        {
            bool found = false;
            for (int row = (int)Math.Round(y) - tolerance; row <= (int)Math.Round(y) + tolerance && !found; row++)
            {
                found = row >= 0 && row < _screenshot.Height && x >= 0 && x < _screenshot.Width && IsBoxColour(_screenshot.GetPixel(x, row));
            }

            covered += found ? 1 : 0;
        }

        return (double)covered / Math.Max(1, to - from + 1);
    }

    public void Dispose() => _screenshot.Dispose();

    private static bool IsBoxColour(SKColor pixel) =>
        Math.Abs(pixel.Red - BoxColour.Red) + Math.Abs(pixel.Green - BoxColour.Green) + Math.Abs(pixel.Blue - BoxColour.Blue) < 60;
}
