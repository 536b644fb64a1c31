namespace BlazeFace.Cli.Imaging.Jpeg;

/// <summary>The decoded samples of one component, row-major.</summary>
internal sealed class JpegPlane
{
    public JpegPlane(byte[] samples, int stride, int width, int height)
    {
        Samples = samples;
        Stride = stride;
        Width = width;
        Height = height;
    }

#pragma warning disable CA1819 // Properties should not return arrays: internal plain data holder.
    public byte[] Samples { get; }
#pragma warning restore CA1819

    public int Stride { get; }

    /// <summary>Meaningful samples per row (the component width; the rest is block padding).</summary>
    public int Width { get; }

    /// <summary>Meaningful rows (the component height).</summary>
    public int Height { get; }

    public ReadOnlySpan<byte> Row(int y) => Samples.AsSpan(y * Stride, Width);
}

/// <summary>
/// Expands a subsampled component to the full image size one output row at a time.
/// </summary>
/// <remarks>
/// Factor-2 expansions (4:2:2 = h2v1, 4:2:0 = h2v2, 4:4:0 = h1v2) use a triangle ("fancy") filter
/// that weights the nearer source sample 3/4 and the farther one 1/4, with samples at the edges of
/// the component repeated, as libjpeg does by default. Like libjpeg, components at most 2 samples
/// wide are replicated instead. All other ratios (4:1:1 = h4v1, non-integral ones) use nearest
/// neighbour (sample replication), which is what libjpeg does for the integral ones.
/// </remarks>
internal sealed class JpegUpsampler
{
    private enum Mode
    {
        Copy,
        Nearest,
        FancyH2V1,
        FancyH1V2,
        FancyH2V2,
    }

    private readonly JpegPlane _plane;
    private readonly Mode _mode;
    private readonly int _verticalFactor;
    private readonly int _maxVerticalFactor;
    private readonly byte[] _output;
    private readonly int[] _sourceColumn; // nearest mode: source column of each output column
    private readonly int[] _columnSums; // h2v2 mode: 3 * nearer row + farther row

    public JpegUpsampler(JpegPlane plane, int horizontalFactor, int verticalFactor, int maxHorizontalFactor, int maxVerticalFactor, int outputWidth)
    {
        _plane = plane;
        _verticalFactor = verticalFactor;
        _maxVerticalFactor = maxVerticalFactor;
        _output = new byte[outputWidth];
        _sourceColumn = [];
        _columnSums = [];

        bool sameWidth = horizontalFactor == maxHorizontalFactor;
        bool sameHeight = verticalFactor == maxVerticalFactor;
        bool doubleWidth = 2 * horizontalFactor == maxHorizontalFactor;
        bool doubleHeight = 2 * verticalFactor == maxVerticalFactor;
        bool fancy = plane.Width > 2;

        if (sameWidth && sameHeight)
        {
            _mode = Mode.Copy;
        }
        else if (fancy && doubleWidth && sameHeight)
        {
            _mode = Mode.FancyH2V1;
        }
        else if (fancy && sameWidth && doubleHeight)
        {
            _mode = Mode.FancyH1V2;
        }
        else if (fancy && doubleWidth && doubleHeight)
        {
            _mode = Mode.FancyH2V2;
            _columnSums = new int[plane.Width];
        }
        else
        {
            _mode = Mode.Nearest;
            _sourceColumn = new int[outputWidth];
            for (int x = 0; x < outputWidth; x++)
            {
                _sourceColumn[x] = Math.Min((int)((long)x * horizontalFactor / maxHorizontalFactor), plane.Width - 1);
            }
        }
    }

    /// <summary>Returns the component's samples for output row <paramref name="y"/>.</summary>
    public ReadOnlySpan<byte> Row(int y)
    {
        switch (_mode)
        {
            case Mode.Copy:
                return _plane.Row(y).Slice(0, _output.Length);
            case Mode.FancyH2V1:
                FancyHorizontal(_plane.Row(y), _output);
                break;
            case Mode.FancyH1V2:
                FancyVertical(y);
                break;
            case Mode.FancyH2V2:
                FancyBoth(y);
                break;
            default:
                Nearest(y);
                break;
        }

        return _output;
    }

    private static void FancyHorizontal(ReadOnlySpan<byte> source, Span<byte> output)
    {
        int last = source.Length - 1;
        for (int x = 0; x < output.Length; x++)
        {
            int i = x >> 1;
            int nearer = 3 * source[i];
            output[x] = (x & 1) == 0
                ? (byte)((nearer + source[Math.Max(i - 1, 0)] + 1) >> 2)
                : (byte)((nearer + source[Math.Min(i + 1, last)] + 2) >> 2);
        }
    }

    private void FancyVertical(int y)
    {
        ReadOnlySpan<byte> nearer = _plane.Row(y >> 1);
        ReadOnlySpan<byte> farther = _plane.Row(FartherRow(y));
        int bias = (y & 1) == 0 ? 1 : 2;
        for (int x = 0; x < _output.Length; x++)
        {
            _output[x] = (byte)(((3 * nearer[x]) + farther[x] + bias) >> 2);
        }
    }

    private void FancyBoth(int y)
    {
        ReadOnlySpan<byte> nearer = _plane.Row(y >> 1);
        ReadOnlySpan<byte> farther = _plane.Row(FartherRow(y));
        int[] sums = _columnSums;
        for (int i = 0; i < sums.Length; i++)
        {
            sums[i] = (3 * nearer[i]) + farther[i];
        }

        int last = sums.Length - 1;
        for (int x = 0; x < _output.Length; x++)
        {
            int i = x >> 1;
            int near = 3 * sums[i];
            _output[x] = (x & 1) == 0
                ? (byte)((near + sums[Math.Max(i - 1, 0)] + 8) >> 4)
                : (byte)((near + sums[Math.Min(i + 1, last)] + 7) >> 4);
        }
    }

    /// <summary>The source row on the other side of output row y: above for even rows, below for odd ones.</summary>
    private int FartherRow(int y)
    {
        int nearer = y >> 1;
        return (y & 1) == 0 ? Math.Max(nearer - 1, 0) : Math.Min(nearer + 1, _plane.Height - 1);
    }

    private void Nearest(int y)
    {
        int sourceY = Math.Min((int)((long)y * _verticalFactor / _maxVerticalFactor), _plane.Height - 1);
        ReadOnlySpan<byte> source = _plane.Row(sourceY);
        int[] columns = _sourceColumn;
        for (int x = 0; x < _output.Length; x++)
        {
            _output[x] = source[columns[x]];
        }
    }
}
