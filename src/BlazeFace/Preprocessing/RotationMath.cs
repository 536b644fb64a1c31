namespace BlazeFace.Preprocessing;

/// <summary>
/// Angles in degrees, clockwise on screen (y pointing down), as MediaPipe states rotations. Quarter turns get exact
/// sines and cosines (0 and ±1) so that a search turned by 90° samples exactly the pixels of a turned copy.
/// </summary>
internal static class RotationMath
{
    /// <summary>The angle reduced to [0, 360).</summary>
    /// <param name="degrees">Any finite angle.</param>
    public static double Normalize360(double degrees)
    {
        double reduced = degrees % 360.0;
        if (reduced < 0)
        {
            reduced += 360.0;
        }

        // -1e-20 % 360 + 360 rounds to 360.
        return reduced >= 360.0 ? 0.0 : reduced;
    }

    /// <summary>The angle reduced to [-180, 180).</summary>
    /// <param name="degrees">Any finite angle.</param>
    public static double NormalizeSigned(double degrees)
    {
        double reduced = Normalize360(degrees);
        return reduced >= 180.0 ? reduced - 360.0 : reduced;
    }

    /// <summary>Cosine and sine of the angle; exact for multiples of 90°.</summary>
    /// <param name="degrees">Any finite angle.</param>
    public static (double Cos, double Sin) CosSin(double degrees)
    {
        double reduced = Normalize360(degrees);
        return reduced switch
        {
            0.0 => (1.0, 0.0),
            90.0 => (0.0, 1.0),
            180.0 => (-1.0, 0.0),
            270.0 => (0.0, -1.0),
            _ => (Math.Cos(reduced * (Math.PI / 180.0)), Math.Sin(reduced * (Math.PI / 180.0))),
        };
    }
}
