using System.Drawing;

namespace BlazeFace.Imaging;

/// <summary>How <see cref="DetectionPainter"/> draws detections and face meshes.</summary>
public sealed class DetectionPainterOptions
{
    private readonly int _thickness = 2;
    private readonly int _keypointRadius = 2;

    /// <summary>The options used when none are given.</summary>
    internal static DetectionPainterOptions Default { get; } = new();

    /// <summary>Colour of the box outlines, drawn opaque (alpha is not used). Default: green (0, 255, 0).</summary>
    public Color BoxColor { get; init; } = Color.FromArgb(0, 255, 0);

    /// <summary>Colour of the keypoint markers, drawn opaque (alpha is not used). Default: red (255, 0, 0).</summary>
    public Color KeypointColor { get; init; } = Color.FromArgb(255, 0, 0);

    /// <summary>Width of the box outline in pixels, drawn inside the box's edges. Default: 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int Thickness
    {
        get => _thickness;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(Thickness));
            _thickness = value;
        }
    }

    /// <summary>Radius in pixels of the filled disc marking each keypoint; 0 marks a single pixel. Default: 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int KeypointRadius
    {
        get => _keypointRadius;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(KeypointRadius));
            _keypointRadius = value;
        }
    }

    /// <summary>Whether to mark the six keypoints as well as the box. Default: <see langword="true"/>.</summary>
    public bool DrawKeypoints { get; init; } = true;

    /// <summary>Colour of a face mesh's tesselation (<see cref="FaceMesh.Tesselation"/>), drawn one pixel wide. Default: light grey (192, 192, 192).</summary>
    public Color MeshColor { get; init; } = Color.FromArgb(192, 192, 192);

    /// <summary>Colour of a face mesh's contours (<see cref="FaceMesh.Contours"/>: lips, eyes, eyebrows, face oval), drawn <see cref="Thickness"/> pixels wide over the tesselation. Default: white.</summary>
    public Color ContourColor { get; init; } = Color.FromArgb(255, 255, 255);

    /// <summary>Whether to draw a face mesh's tesselation under its contours; false draws the contours alone. Default: <see langword="true"/>.</summary>
    public bool DrawTesselation { get; init; } = true;
}
