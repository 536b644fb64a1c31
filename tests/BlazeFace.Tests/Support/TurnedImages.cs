namespace BlazeFace.Tests.Support;

/// <summary>
/// Copies of a picture turned counter-clockwise, as a camera held sideways or tilted records it, with the map from
/// the upright picture's coordinates to the turned copy's. A search turned clockwise by the same angle sees the
/// upright picture again.
/// </summary>
internal static class TurnedImages
{
    /// <summary>The picture turned counter-clockwise by <paramref name="quarters"/> quarter turns: an exact permutation of its pixels.</summary>
    public static RgbImage QuarterTurns(RgbImage image, int quarters)
    {
        quarters = ((quarters % 4) + 4) % 4;
        var turned = quarters % 2 == 1 ? new RgbImage(image.Height, image.Width) : new RgbImage(image.Width, image.Height);
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                (int tx, int ty) = quarters switch
                {
                    0 => (x, y),
                    1 => (y, image.Width - 1 - x),
                    2 => (image.Width - 1 - x, image.Height - 1 - y),
                    _ => (image.Height - 1 - y, x),
                };
                Array.Copy(image.Pixels, ((y * image.Width) + x) * 3, turned.Pixels, ((ty * turned.Width) + tx) * 3, 3);
            }
        }

        return turned;
    }

    /// <summary>
    /// The picture turned counter-clockwise by <paramref name="degrees"/> about its centre onto a canvas just large
    /// enough to hold it (black elsewhere), sampled bilinearly, pixel centres aligned.
    /// </summary>
    public static RgbImage Turned(RgbImage image, double degrees)
    {
        (int width, int height) = TurnedSize(image, degrees);
        var turned = new RgbImage(width, height);
        double radians = degrees * Math.PI / 180;
        double cos = Math.Cos(radians), sin = Math.Sin(radians);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                // Undo the counter-clockwise turn: canvas offset (dx, dy) came from (cos dx - sin dy, sin dx + cos dy).
                double dx = x + 0.5 - (width / 2.0), dy = y + 0.5 - (height / 2.0);
                double u = (cos * dx) - (sin * dy) + (image.Width / 2.0) - 0.5;
                double v = (sin * dx) + (cos * dy) + (image.Height / 2.0) - 0.5;
                if (u < -0.5 || v < -0.5 || u > image.Width - 0.5 || v > image.Height - 0.5)
                {
                    continue;
                }

                for (int c = 0; c < 3; c++)
                {
                    turned.Pixels[(((y * width) + x) * 3) + c] = (byte)Math.Round(image.Bilinear(u, v, c));
                }
            }
        }

        return turned;
    }

    /// <summary>Where a point of the upright picture lands in <see cref="Turned"/>'s copy.</summary>
    public static (double X, double Y) TurnedPoint(RgbImage image, double degrees, double x, double y)
    {
        (int width, int height) = TurnedSize(image, degrees);
        double radians = degrees * Math.PI / 180;
        double cos = Math.Cos(radians), sin = Math.Sin(radians);
        double dx = x - (image.Width / 2.0), dy = y - (image.Height / 2.0);
        return ((width / 2.0) + (cos * dx) + (sin * dy), (height / 2.0) - (sin * dx) + (cos * dy));
    }

    /// <summary>Where a point of the upright picture lands in <see cref="QuarterTurns"/>'s copy.</summary>
    public static (double X, double Y) QuarterTurnedPoint(RgbImage image, int quarters, double x, double y) => (((quarters % 4) + 4) % 4) switch
    {
        0 => (x, y),
        1 => (y, image.Width - x),
        2 => (image.Width - x, image.Height - y),
        _ => (image.Height - y, x),
    };

    private static (int Width, int Height) TurnedSize(RgbImage image, double degrees)
    {
        double radians = degrees * Math.PI / 180;
        double cos = Math.Abs(Math.Cos(radians)), sin = Math.Abs(Math.Sin(radians));
        return ((int)Math.Ceiling((image.Width * cos) + (image.Height * sin) - 1e-9), (int)Math.Ceiling((image.Width * sin) + (image.Height * cos) - 1e-9));
    }
}
