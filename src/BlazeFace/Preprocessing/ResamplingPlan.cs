using BlazeFace.Imaging;

namespace BlazeFace.Preprocessing;

/// <summary>
/// Everything about bilinear sampling that depends only on the image's size and pixel format, not its content:
/// which source columns and rows each output pixel blends, with what weights, and which output pixels fall in the
/// letterbox border. Built once and reused while frames keep the same size, so a frame costs only the blending.
/// </summary>
/// <remarks>
/// The source position of output column i is u = (i + 0.5 - PadX) / ScaleX - 0.5 (pixel centres align), and
/// likewise for rows. Because u grows with i, the columns that land inside the image form one contiguous range,
/// and so do the rows; everything outside those ranges is border.
/// </remarks>
internal sealed class ResamplingPlan
{
    private readonly SampleTap[] _columns;
    private readonly SampleTap[] _rows;

    /// <summary>Allocates the tables for a model input of the given size; <see cref="Rebuild"/> fills them.</summary>
    /// <param name="inputWidth">Model input width in pixels.</param>
    /// <param name="inputHeight">Model input height in pixels.</param>
    public ResamplingPlan(int inputWidth, int inputHeight)
    {
        _columns = new SampleTap[inputWidth];
        _rows = new SampleTap[inputHeight];
    }

    /// <summary>The transform the tables were built for; <c>default</c> before the first build.</summary>
    public InputTransform Transform { get; private set; }

    /// <summary>Bytes per pixel the column offsets were built for.</summary>
    public int BytesPerPixel { get; private set; }

    /// <summary>First output column that samples the image.</summary>
    public int FirstColumn { get; private set; }

    /// <summary>One past the last output column that samples the image.</summary>
    public int EndColumn { get; private set; }

    /// <summary>First output row that samples the image.</summary>
    public int FirstRow { get; private set; }

    /// <summary>One past the last output row that samples the image.</summary>
    public int EndRow { get; private set; }

    /// <summary>
    /// First output column, within <see cref="FirstColumn"/> to <see cref="EndColumn"/>, from which reading four
    /// bytes at a tap would pass the end of the image row; <see cref="EndColumn"/> when no tap does (four-byte
    /// pixels). Taps only move right, so every later column would too.
    /// </summary>
    public int EndOfFourByteReads { get; private set; }

    /// <summary>Per output column: byte offsets of the two source pixels within a row and the blend weight.</summary>
    public ReadOnlySpan<SampleTap> Columns => _columns;

    /// <summary>Per output row: indices of the two source rows and the blend weight.</summary>
    public ReadOnlySpan<SampleTap> Rows => _rows;

    /// <summary>Whether the tables already describe this transform and pixel size.</summary>
    /// <param name="transform">The transform of the next frame.</param>
    /// <param name="bytesPerPixel">Bytes per pixel of the next frame.</param>
    public bool Matches(InputTransform transform, int bytesPerPixel) => transform == Transform && bytesPerPixel == BytesPerPixel;

    /// <summary>Refills the tables for a new transform or pixel size, without allocating.</summary>
    /// <param name="transform">The transform; its input size must be the one the plan was created for.</param>
    /// <param name="bytesPerPixel">Bytes per source pixel, to turn column indices into byte offsets.</param>
    public void Rebuild(InputTransform transform, int bytesPerPixel)
    {
        (FirstColumn, EndColumn) = Fill(_columns, transform.ImageWidth, transform.PadX, transform.ScaleX, bytesPerPixel);
        (FirstRow, EndRow) = Fill(_rows, transform.ImageHeight, transform.PadY, transform.ScaleY, 1);
        Transform = transform;
        BytesPerPixel = bytesPerPixel;
        int rowBytes = transform.ImageWidth * bytesPerPixel;
        int end = EndColumn;
        while (end > FirstColumn && _columns[end - 1].Upper + 4 > rowBytes)
        {
            end--;
        }

        EndOfFourByteReads = end;
    }

    private static (int First, int End) Fill(SampleTap[] taps, int sourceLength, double pad, double scale, int unit)
    {
        int first = taps.Length;
        int end = 0;
        for (int i = 0; i < taps.Length; i++)
        {
            double u = ((i + 0.5 - pad) / scale) - 0.5;
            if (u < -0.5 || u > sourceLength - 0.5)
            {
                taps[i] = default;
                continue;
            }

            first = Math.Min(first, i);
            end = i + 1;
            double clamped = Math.Clamp(u, 0, sourceLength - 1);
            int lower = (int)Math.Floor(clamped);
            int upper = Math.Min(lower + 1, sourceLength - 1);
            taps[i] = new SampleTap(lower * unit, upper * unit, (float)(clamped - lower));
        }

        return first < end ? (first, end) : (0, 0);
    }
}
