using OpenCvSharp;

namespace BlazeFace.OpenCvSharp;

/// <summary>How <see cref="OpenCvDetectionDrawing.DrawDetections(Mat, ReadOnlySpan{FaceDetection}, OpenCvDetectionStyle?)"/> draws faces and <see cref="OpenCvDetectionDrawing.DrawFaceMeshes(Mat, ReadOnlySpan{FaceMesh}, OpenCvDetectionStyle?)"/> draws face meshes.</summary>
/// <remarks>
/// Colours are <see cref="Scalar"/>s in OpenCV's channel order: blue, green, red (and alpha, for which 255 is used
/// on 4-channel Mats). On a grey Mat each colour is drawn as its luminance.
/// </remarks>
public sealed class OpenCvDetectionStyle
{
    private readonly int _thickness = 2;
    private readonly int _keypointRadius = 3;
    private readonly double _fontScale = 0.5;

    /// <summary>The style used when none is given.</summary>
    internal static OpenCvDetectionStyle Default { get; } = new();

    /// <summary>Colour of the box outline and of the score label's background, BGR. Default: green (0, 255, 0).</summary>
    public Scalar BoxColor { get; init; } = new(0, 255, 0);

    /// <summary>Colour of the keypoint dots, BGR. Default: red (0, 0, 255).</summary>
    public Scalar KeypointColor { get; init; } = new(0, 0, 255);

    /// <summary>Colour of the score text, BGR. Default: black.</summary>
    public Scalar ScoreColor { get; init; } = new(0, 0, 0);

    /// <summary>The thickest line OpenCV draws (its MAX_THICKNESS); <see cref="Cv2.Rectangle(InputOutputArray, Rect, Scalar, int, LineTypes, int)"/> throws above it.</summary>
    public const int MaxThickness = 32767;

    /// <summary>Thickness of the box outline in pixels (<see cref="Cv2.Rectangle(InputOutputArray, Rect, Scalar, int, LineTypes, int)"/>), 1 to <see cref="MaxThickness"/>. Default: 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1 or more than <see cref="MaxThickness"/>.</exception>
    public int Thickness
    {
        get => _thickness;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(Thickness));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxThickness, nameof(Thickness));
            _thickness = value;
        }
    }

    /// <summary>Radius in pixels of the filled dot drawn at each keypoint. Default: 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int KeypointRadius
    {
        get => _keypointRadius;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(KeypointRadius));
            _keypointRadius = value;
        }
    }

    /// <summary>Whether to draw the six keypoints. Default: <see langword="true"/>.</summary>
    public bool DrawKeypoints { get; init; } = true;

    /// <summary>Colour of a face mesh's tesselation (<see cref="FaceMesh.Tesselation"/>), BGR, drawn one pixel wide. Default: light grey (192, 192, 192).</summary>
    public Scalar MeshColor { get; init; } = new(192, 192, 192);

    /// <summary>Colour of a face mesh's contours (<see cref="FaceMesh.Contours"/>: lips, eyes, eyebrows, face oval), BGR, drawn <see cref="Thickness"/> wide over the tesselation. Default: white.</summary>
    public Scalar ContourColor { get; init; } = new(255, 255, 255);

    /// <summary>Whether to draw a face mesh's tesselation under its contours; false draws the contours alone. Default: <see langword="true"/>.</summary>
    public bool DrawTesselation { get; init; } = true;

    /// <summary>Whether to label each box with its score (two decimals) above its top-left corner. Default: <see langword="true"/>.</summary>
    public bool DrawScores { get; init; } = true;

    /// <summary>Font of the score labels. Default: <see cref="HersheyFonts.HersheySimplex"/>.</summary>
    public HersheyFonts Font { get; init; } = HersheyFonts.HersheySimplex;

    /// <summary>Scale of the score font (<see cref="Cv2.PutText"/>'s fontScale; 1 is about 22 px tall). Default: 0.5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a positive finite number.</exception>
    public double FontScale
    {
        get => _fontScale;
        init
        {
            if (!double.IsFinite(value) || value <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(FontScale), value, "FontScale must be a positive finite number.");
            }

            _fontScale = value;
        }
    }
}
