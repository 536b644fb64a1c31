using SkiaSharp;

namespace BlazeFace.Web.Tests.Browser;

/// <summary>
/// Reads a screenshot of the page's picture for the overlay the page draws: box edges in the box colour (#00e676),
/// mesh landmarks as dots in the mesh colour (#40c4ff).
/// </summary>
internal sealed class OverlayPixels : IDisposable
{
    private static readonly SKColor BoxColour = new(0x00, 0xE6, 0x76);
    private static readonly SKColor MeshColour = new(0x40, 0xC4, 0xFF);

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
                found = IsColourAt(x, row, BoxColour);
            }

            covered += found ? 1 : 0;
        }

        return (double)covered / Math.Max(1, to - from + 1);
    }

    /// <summary>
    /// The share of the points (in screenshot pixels) with a mesh-coloured pixel within <paramref name="tolerance"/>
    /// pixels of them: near 1 where the landmarks are drawn as dots, near 0 where they are not.
    /// </summary>
    public double MeshDotCoverage(IEnumerable<(double X, double Y)> points, int tolerance)
    {
        int count = 0;
        int covered = 0;
        foreach ((double x, double y) in points)
        {
            count++;
            bool found = false;
            for (int row = (int)Math.Round(y) - tolerance; row <= (int)Math.Round(y) + tolerance && !found; row++)
            {
                for (int column = (int)Math.Round(x) - tolerance; column <= (int)Math.Round(x) + tolerance && !found; column++)
                {
                    found = IsColourAt(column, row, MeshColour);
                }
            }

            covered += found ? 1 : 0;
        }

        return (double)covered / Math.Max(1, count);
    }

    public void Dispose() => _screenshot.Dispose();

    private bool IsColourAt(int x, int y, SKColor colour)
    {
        if (y < 0 || y >= _screenshot.Height || x < 0 || x >= _screenshot.Width)
        {
            return false;
        }

        SKColor pixel = _screenshot.GetPixel(x, y);
        return Math.Abs(pixel.Red - colour.Red) + Math.Abs(pixel.Green - colour.Green) + Math.Abs(pixel.Blue - colour.Blue) < 60;
    }
}
