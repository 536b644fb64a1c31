namespace BlazeFace;

/// <summary>
/// How a tiled search cuts the image: square tiles searched at a resolution where small faces become visible, then
/// tiles twice, four times… as large (an image pyramid) until one tile would span the whole region, and finally the
/// whole region. Every property has a documented default; <see cref="Default"/> holds them all.
/// </summary>
/// <remarks>
/// <para>
/// A face of F pixels appears in the finest tiles at F x (model input size / <see cref="TileSize"/>) input pixels.
/// With the default tile size that is its own size; the bundled models find faces from about 16-20 input pixels. A
/// face lies wholly inside some tile of a level when it is no larger than the overlap (a quarter of the tile by
/// default), and each coarser level shows faces at half the size, so with the full-range and back-camera models
/// (overlaps of 48 and 64 input pixels, over twice the smallest face) every face size is whole and visible at some
/// level, the largest ones in the final whole-region search. The short-range model's 128-pixel tiles overlap by only
/// 32, so a face of 32-40 input pixels at one level can be cut at the next; it also raises far more false detections
/// on textured backgrounds, so prefer the full-range or back-camera model for tiled searches.
/// </para>
/// <para>
/// The cost grows with the image's area: about (width x height) / (TileSize x (1 - Overlap))² tiles at the finest
/// level, and a third more for the coarser levels together. The detections of all windows are merged with the
/// detector's suppression (weighted by default), in the coordinates of the whole region.
/// </para>
/// </remarks>
public sealed class TilingOptions
{
    private readonly int? _tileSize;
    private readonly float _overlap = 0.25f;

    /// <summary>All defaults: tiles of the model's input size, overlapping by a quarter.</summary>
    public static TilingOptions Default { get; } = new();

    /// <summary>
    /// Side of the finest tiles, in image pixels, at least 32. Default: null, the model's input size (128 short
    /// range, 192 full range, 256 back camera), so the finest tiles are searched at the image's own resolution.
    /// Smaller tiles find smaller faces (they are enlarged); larger ones cost fewer tiles.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 32.</exception>
    public int? TileSize
    {
        get => _tileSize;
        init => _tileSize = value is null or >= 32
            ? value
            : throw new ArgumentOutOfRangeException(nameof(TileSize), value, "Tiles must be at least 32 pixels wide.");
    }

    /// <summary>
    /// How much neighbouring tiles overlap, as a fraction of the tile, in [0, 0.75]. Default: 0.25. Faces up to this
    /// fraction of a tile always lie wholly inside some tile.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 0.75] or NaN.</exception>
    public float Overlap
    {
        get => _overlap;
        init => _overlap = value is >= 0f and <= 0.75f
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Overlap), value, "The overlap must lie in [0, 0.75].");
    }
}
