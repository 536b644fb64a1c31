using SkiaSharp;

namespace BlazeFace.SkiaSharp;

/// <summary>
/// The size to decode an image at for <see cref="UprightImageOptions.MinimumSide"/>: the smallest reduction its
/// codec offers (a JPEG's DCT scales, 1/8, 1/4 or 1/2, as libjpeg-turbo decodes them) that keeps both sides at least
/// that long.
/// </summary>
/// <remarks>
/// A JPEG decoded at 1/8 runs the inverse DCT on the DC coefficient alone, one pixel per 8x8 block (each the block's
/// average), so a 12-megapixel photo costs a fraction of its full decode and needs 1/64 of the memory; libwebp's
/// reduced decode averages too. Other formats are decoded whole: PNG and BMP offer no reduction, and Skia reduces a
/// GIF by keeping every Nth pixel, which a search's own sampling does as well.
/// </remarks>
internal static class DecodeScale
{
    /// <summary>The reductions tried, smallest image first.</summary>
    private static readonly float[] s_reductions = [1f / 8, 1f / 4, 1f / 2];

    /// <summary>The stored (not yet oriented) size to decode at: the smallest the codec offers whose sides are all at least <paramref name="minimumSide"/>, else the full size.</summary>
    /// <param name="codec">The opened codec.</param>
    /// <param name="minimumSide">The fewest pixels each side needs; null for the full size.</param>
    public static SKSizeI For(SKCodec codec, int? minimumSide)
    {
        SKSizeI full = codec.Info.Size;
        if (minimumSide is not int side || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Webp))
        {
            return full;
        }

        foreach (float reduction in s_reductions)
        {
            SKSizeI reduced = codec.GetScaledDimensions(reduction);
            if (reduced.Width >= side && reduced.Height >= side && reduced.Width < full.Width && reduced.Height < full.Height)
            {
                return reduced;
            }
        }

        return full;
    }
}
