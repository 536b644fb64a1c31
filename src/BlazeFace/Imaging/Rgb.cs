using System.Drawing;

namespace BlazeFace.Imaging;

/// <summary>An opaque 8-bit-per-channel colour, as the painter writes it into pixels.</summary>
/// <param name="R">Red, 0 to 255.</param>
/// <param name="G">Green, 0 to 255.</param>
/// <param name="B">Blue, 0 to 255.</param>
internal readonly record struct Rgb(byte R, byte G, byte B)
{
    /// <summary>The colour without its alpha.</summary>
    public static Rgb Of(Color color) => new(color.R, color.G, color.B);
}
