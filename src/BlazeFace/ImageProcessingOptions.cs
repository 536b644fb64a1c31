using System.Drawing;
using BlazeFace.Preprocessing;

namespace BlazeFace;

/// <summary>
/// Per-call geometry of a search: which part of the image to look at, how it is turned, and whether to try every
/// orientation or tile the image for small faces. The default value searches the whole image as it is, exactly like
/// the overloads without options.
/// </summary>
/// <remarks>
/// <para>
/// As in MediaPipe's image-processing options, the region of interest is cut out first and then turned clockwise by
/// <see cref="RotationDegrees"/>; unlike MediaPipe, any angle is allowed. The turned region is sampled straight from
/// the source pixels in one bilinear pass (no rotated copy is made), on a canvas just large enough to hold it; what
/// lies outside the region reads as black. Every result comes back in the source image's pixels.
/// </para>
/// <para>
/// Costs, in network runs per call: 1 by default or with a rotation or region; 4 with <see cref="AutoRotate"/>;
/// with <see cref="Tiling"/>, one per tile plus one for the whole region (times 4 with both).
/// </para>
/// </remarks>
public readonly record struct ImageProcessingOptions
{
    private readonly float _rotationDegrees;

    /// <summary>
    /// How far the region is turned clockwise before detection, in degrees; any finite angle. Default: 0. A photo
    /// taken with the camera turned 90° counter-clockwise (its content lies on its side, top to the left) needs 90.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite.</exception>
    public float RotationDegrees
    {
        get => _rotationDegrees;
        init => _rotationDegrees = float.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(RotationDegrees), value, "The rotation must be a finite number of degrees.");
    }

    /// <summary>
    /// The part of the image to search, in pixels; it must lie inside the image. Default: null, the whole image.
    /// Faces are only looked for inside it, and their coordinates are still the whole image's.
    /// </summary>
    public Rectangle? RegionOfInterest { get; init; }

    /// <summary>
    /// Searches four orientations (<see cref="RotationDegrees"/> plus 0°, 90°, 180° and 270°), decides which one is
    /// the photo's, and reports that orientation's faces, for photos whose orientation is unknown. Default: false.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Costs four searches. The configured suppression runs within each orientation. The photo's orientation is the
    /// one whose best face scores highest (on a tie, or when none finds a face, the photo as given, turned by
    /// <see cref="RotationDegrees"/>), and its faces are reported.
    /// </para>
    /// <para>
    /// A face from another orientation is reported too only when it scores at least halfway from the detector's
    /// <see cref="FaceDetector.MinScore"/> to 1 (0.75 for the short-range model's default 0.5, 0.8 for the
    /// full-range model's 0.6): a person lying down in an upright photo, say. Each other orientation is a further
    /// chance for texture to pass for a face (searched upside down, the grey portrait of the bundled cameraman.png
    /// shows a false face scoring 0.545), and the stricter bar keeps those out. A face found in several orientations
    /// (boxes overlapping by more than the IoU threshold) is reported once, from the orientation where it scores
    /// best among those admitted, unblended, because the keypoints of a face seen on its side are unreliable.
    /// </para>
    /// </remarks>
    public bool AutoRotate { get; init; }

    /// <summary>
    /// Searches overlapping tiles at a resolution where small faces become visible, as well as the whole region, and
    /// merges the results with the configured suppression. Default: null, no tiling.
    /// </summary>
    public TilingOptions? Tiling { get; init; }

    /// <summary>Whether one window is searched (no tiling, one orientation): the plain pipeline with a transform.</summary>
    internal bool IsSingleWindow => !AutoRotate && Tiling is null;

    /// <summary>The region to search in an image of the given size, checked.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The region of interest is empty or reaches outside the image; ParamName is "RegionOfInterest".</exception>
    internal ImageRegion RegionIn(int imageWidth, int imageHeight)
    {
        if (RegionOfInterest is not { } roi)
        {
            return ImageRegion.Whole(imageWidth, imageHeight);
        }

        var region = new ImageRegion(roi.X, roi.Y, roi.Width, roi.Height);
        return region.FitsWithin(imageWidth, imageHeight)
            ? region
            : throw OptionOutOfRange(nameof(RegionOfInterest), roi, $"The region of interest must have a positive size and lie inside the {imageWidth}x{imageHeight} image.");
    }

    /// <summary>Per-call option errors name the option (as the detector's constructor does), which tells the caller what to fix.</summary>
    private static ArgumentOutOfRangeException OptionOutOfRange(string option, object? value, string message) => new(option, value, message);
}
