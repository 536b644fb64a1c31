using System.Runtime.CompilerServices;

namespace BlazeFace.Preprocessing;

/// <summary>
/// Bilinear sampling along an affine map from output pixels to source pixels, for outputs turned against the image
/// (a rotated search, an aligned face crop): where output pixel (i, j) reads from, and whether it reads at all.
/// </summary>
/// <remarks>
/// Positions are in source pixel-centre coordinates: u = 0 is the centre of column 0. A position reads when it lies
/// within half a pixel of the region's outermost pixel centres, the same rule the axis-aligned plan applies, and its
/// taps are clamped to the region, so nothing outside the region is ever blended in. A sampling that replicates the
/// border (OpenCV's BORDER_REPLICATE, as MediaPipe crops a face for its landmark model) reads everywhere: a position
/// outside the image takes the nearest edge pixel. Output pixels outside
/// [<see cref="FirstColumn"/>, <see cref="EndColumn"/>) x [<see cref="FirstRow"/>, <see cref="EndRow"/>) (the letterbox
/// border, or a window's part past the canvas) read nothing.
/// </remarks>
internal readonly struct AffineSampling
{
    private readonly double _u0, _uPerColumn, _uPerRow, _v0, _vPerColumn, _vPerRow;
    private readonly double _minU, _maxU, _minV, _maxV;
    private readonly int _firstX, _lastX, _firstY, _lastY;

    private AffineSampling(
        double u0, double uPerColumn, double uPerRow, double v0, double vPerColumn, double vPerRow, ImageRegion region, (int First, int End) columns, (int First, int End) rows, bool replicateBorder = false)
    {
        (_u0, _uPerColumn, _uPerRow) = (u0, uPerColumn, uPerRow);
        (_v0, _vPerColumn, _vPerRow) = (v0, vPerColumn, vPerRow);
        (_minU, _maxU) = replicateBorder ? (double.NegativeInfinity, double.PositiveInfinity) : (region.X - 0.5, region.Right - 0.5);
        (_minV, _maxV) = replicateBorder ? (double.NegativeInfinity, double.PositiveInfinity) : (region.Y - 0.5, region.Bottom - 0.5);
        (_firstX, _lastX) = (region.X, (int)region.Right - 1);
        (_firstY, _lastY) = (region.Y, (int)region.Bottom - 1);
        (FirstColumn, EndColumn) = columns;
        (FirstRow, EndRow) = rows;
    }

    /// <summary>First output column that can read the image.</summary>
    public int FirstColumn { get; }

    /// <summary>One past the last output column that can read the image.</summary>
    public int EndColumn { get; }

    /// <summary>First output row that can read the image.</summary>
    public int FirstRow { get; }

    /// <summary>One past the last output row that can read the image.</summary>
    public int EndRow { get; }

    /// <summary>The sampling of a model input: the transform's window, fitted into the input, read from its region.</summary>
    /// <param name="transform">Any transform; usually a turned one (axis-aligned ones have a faster, separable plan).</param>
    public static AffineSampling ForInput(in InputTransform transform)
    {
        SearchFrame frame = transform.Frame;

        // image = frame origin + R (window corner + (input - pad) / scale), with R the frame's turn.
        double cosX = frame.Cos / transform.ScaleX, sinX = frame.Sin / transform.ScaleX;
        double cosY = frame.Cos / transform.ScaleY, sinY = frame.Sin / transform.ScaleY;
        double windowX = transform.WindowX - (transform.PadX / transform.ScaleX);
        double windowY = transform.WindowY - (transform.PadY / transform.ScaleY);
        double x0 = frame.OriginX + (frame.Cos * windowX) + (frame.Sin * windowY);
        double y0 = frame.OriginY - (frame.Sin * windowX) + (frame.Cos * windowY);

        // Output pixel (i, j) is centred at input (i + 0.5, j + 0.5); u and v are image coordinates less half a pixel.
        double u0 = x0 + (0.5 * (cosX + sinY)) - 0.5;
        double v0 = y0 + (0.5 * (cosY - sinX)) - 0.5;
        return new AffineSampling(
            u0, cosX, sinY, v0, -sinX, cosY, transform.Region,
            WindowRange(transform.InputWidth, transform.PadX, transform.ScaleX, transform.WindowWidth),
            WindowRange(transform.InputHeight, transform.PadY, transform.ScaleY, transform.WindowHeight));
    }

    /// <summary>
    /// The sampling of an output of the given size whose pixel (i, j) is centred on image point
    /// (x0 + (i + 0.5) a + (j + 0.5) b, y0 + (i + 0.5) c + (j + 0.5) d), reading from the whole image; with
    /// <c>replicateBorder</c> points outside the image take the nearest edge pixel, otherwise they read nothing.
    /// </summary>
    public static AffineSampling ForOutput(
        int outputWidth, int outputHeight, double x0, double a, double b, double y0, double c, double d, int imageWidth, int imageHeight, bool replicateBorder)
    {
        double u0 = x0 + (0.5 * (a + b)) - 0.5;
        double v0 = y0 + (0.5 * (c + d)) - 0.5;
        return new AffineSampling(u0, a, b, v0, c, d, ImageRegion.Whole(imageWidth, imageHeight), (0, outputWidth), (0, outputHeight), replicateBorder);
    }

    /// <summary>Where output pixel (<paramref name="column"/>, <paramref name="row"/>) reads, if it reads the image at all.</summary>
    /// <param name="column">Output column.</param>
    /// <param name="row">Output row.</param>
    /// <param name="tap">The four source pixels and the two weights.</param>
    /// <returns>False when the point falls outside the region; <paramref name="tap"/> is then undefined.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetTap(int column, int row, out BilinearTap tap)
    {
        double u = _u0 + (column * _uPerColumn) + (row * _uPerRow);
        double v = _v0 + (column * _vPerColumn) + (row * _vPerRow);
        if (!(u >= _minU && u <= _maxU && v >= _minV && v <= _maxV))
        {
            tap = default;
            return false;
        }

        u = Math.Clamp(u, _firstX, _lastX);
        v = Math.Clamp(v, _firstY, _lastY);
        int x = (int)u;
        int y = (int)v;
        tap = new BilinearTap(x, Math.Min(x + 1, _lastX), (float)(u - x), y, Math.Min(y + 1, _lastY), (float)(v - y));
        return true;
    }

    /// <summary>The output pixels along one axis whose centres lie inside the window, [0, window length] once unfitted.</summary>
    private static (int First, int End) WindowRange(int outputLength, double pad, double scale, double windowLength)
    {
        int first = outputLength;
        int end = 0;
        for (int i = 0; i < outputLength; i++)
        {
            double position = (i + 0.5 - pad) / scale;
            if (position >= 0 && position <= windowLength)
            {
                first = Math.Min(first, i);
                end = i + 1;
            }
        }

        return first < end ? (first, end) : (0, 0);
    }
}
