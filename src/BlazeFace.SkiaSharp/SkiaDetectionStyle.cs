using SkiaSharp;

namespace BlazeFace.SkiaSharp;

/// <summary>How <see cref="SkiaDetectionDrawing.DrawDetections(SKCanvas, ReadOnlySpan{FaceDetection}, SkiaDetectionStyle?)"/> draws faces and <see cref="SkiaDetectionDrawing.DrawFaceMeshes(SKCanvas, ReadOnlySpan{FaceMesh}, SkiaDetectionStyle?)"/> draws face meshes.</summary>
public sealed class SkiaDetectionStyle
{
    private readonly float _strokeWidth = 2f;
    private readonly float _keypointRadius = 3f;
    private readonly float _textSize = 14f;

    /// <summary>The style used when none is given.</summary>
    internal static SkiaDetectionStyle Default { get; } = new();

    /// <summary>Colour of the box outline and of the score label's background. Default: green (0, 255, 0).</summary>
    public SKColor BoxColor { get; init; } = new(0, 255, 0);

    /// <summary>Colour of the keypoint dots. Default: red (255, 0, 0).</summary>
    public SKColor KeypointColor { get; init; } = new(255, 0, 0);

    /// <summary>Colour of the score text. Default: black.</summary>
    public SKColor ScoreColor { get; init; } = SKColors.Black;

    /// <summary>Width of the box outline in pixels, centred on the box's edges. Default: 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a positive finite number.</exception>
    public float StrokeWidth
    {
        get => _strokeWidth;
        init => _strokeWidth = Positive(value, nameof(StrokeWidth));
    }

    /// <summary>Radius in pixels of the filled dot drawn at each keypoint. Default: 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a positive finite number.</exception>
    public float KeypointRadius
    {
        get => _keypointRadius;
        init => _keypointRadius = Positive(value, nameof(KeypointRadius));
    }

    /// <summary>Whether to draw the six keypoints. Default: <see langword="true"/>.</summary>
    public bool DrawKeypoints { get; init; } = true;

    /// <summary>Colour of a face mesh's tesselation (<see cref="FaceMesh.Tesselation"/>), drawn one pixel wide. Default: light grey (192, 192, 192).</summary>
    public SKColor MeshColor { get; init; } = new(192, 192, 192);

    /// <summary>Colour of a face mesh's contours (<see cref="FaceMesh.Contours"/>: lips, eyes, eyebrows, face oval), drawn <see cref="StrokeWidth"/> wide over the tesselation. Default: white.</summary>
    public SKColor ContourColor { get; init; } = SKColors.White;

    /// <summary>Whether to draw a face mesh's tesselation under its contours; false draws the contours alone. Default: <see langword="true"/>.</summary>
    public bool DrawTesselation { get; init; } = true;

    /// <summary>Whether to label each box with its score (two decimals) above its top-left corner. Default: <see langword="true"/>.</summary>
    public bool DrawScores { get; init; } = true;

    /// <summary>
    /// Typeface of the score labels. Default: null, meaning <see cref="SKTypeface.Default"/>. Skia's Linux native
    /// assets without dependencies (SkiaSharp.NativeAssets.Linux.NoDependencies) see no system fonts, so there the
    /// default draws no text: load one with <see cref="SKTypeface.FromFile(string, int)"/>.
    /// </summary>
    public SKTypeface? Typeface { get; init; }

    /// <summary>Height of the score text in pixels. Default: 14.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a positive finite number.</exception>
    public float TextSize
    {
        get => _textSize;
        init => _textSize = Positive(value, nameof(TextSize));
    }

    private static float Positive(float value, string name)
    {
        if (!float.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number.");
        }

        return value;
    }
}
