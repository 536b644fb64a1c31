using BlazeFace.Imaging;

namespace BlazeFace.Preprocessing;

/// <summary>
/// Everything about bilinear sampling that depends only on the image's size and pixel format, not its content:
/// which source columns and rows each output pixel blends, with what weights, and which output pixels fall in the
/// letterbox border. Built once and reused while frames keep the same size, so a frame costs only the blending.
/// </summary>
/// <remarks>
/// Only for axis-aligned transforms (no rotation), where each axis maps on its own. The source position of output
/// column i is u = (i + 0.5 - PadX) / ScaleX + offset - 0.5 (pixel centres align; the offset places the window, and
/// is zero for a whole-image search), and likewise for rows. Because u grows with i, the columns that land inside
/// both the window and the searched region form one contiguous range, and so do the rows; everything outside those
/// ranges is border. Taps are clamped to the region, so nothing outside it is ever blended in.
/// </remarks>
internal sealed class ResamplingPlan
{
    private readonly SampleTap[] _columns;
    private readonly SampleTap[] _rows;
    private AxisMapping _columnMapping;
    private AxisMapping _rowMapping;
    private int _imageWidth;
    private ImageRegion _region;

    /// <summary>Allocates the tables for a model input of the given size; <see cref="Rebuild"/> fills them.</summary>
    /// <param name="inputWidth">Model input width in pixels.</param>
    /// <param name="inputHeight">Model input height in pixels.</param>
    public ResamplingPlan(int inputWidth, int inputHeight)
    {
        _columns = new SampleTap[inputWidth];
        _rows = new SampleTap[inputHeight];
    }

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
    /// <remarks>
    /// Compares only what the tables depend on, field by field with <c>==</c>: the generated record equality goes
    /// through <see cref="EqualityComparer{T}.Default"/> of nested structs, which allocates the first time it is
    /// reached, and that would break the promise of an allocation-free warm call.
    /// </remarks>
    public bool Matches(in InputTransform transform, int bytesPerPixel) =>
        bytesPerPixel == BytesPerPixel && transform.ImageWidth == _imageWidth
        && _columnMapping.SameAs(transform.PadX, transform.ScaleX, transform.OffsetX, transform.WindowWidth)
        && _rowMapping.SameAs(transform.PadY, transform.ScaleY, transform.OffsetY, transform.WindowHeight)
        && SameRegion(transform.Region);

    /// <summary>Refills the tables for a new transform or pixel size, without allocating.</summary>
    /// <param name="transform">The transform; its input size must be the one the plan was created for.</param>
    /// <param name="bytesPerPixel">Bytes per source pixel, to turn column indices into byte offsets.</param>
    public void Rebuild(InputTransform transform, int bytesPerPixel)
    {
        _columnMapping = AxisMapping.Columns(transform);
        _rowMapping = AxisMapping.Rows(transform);
        _imageWidth = transform.ImageWidth;
        _region = transform.Region;
        (FirstColumn, EndColumn) = Fill(_columns, _columnMapping, bytesPerPixel);
        (FirstRow, EndRow) = Fill(_rows, _rowMapping, 1);
        BytesPerPixel = bytesPerPixel;
        int rowBytes = transform.ImageWidth * bytesPerPixel;
        int end = EndColumn;
        while (end > FirstColumn && _columns[end - 1].Upper + 4 > rowBytes)
        {
            end--;
        }

        EndOfFourByteReads = end;
    }

    private bool SameRegion(ImageRegion region) =>
        region.X == _region.X && region.Y == _region.Y && region.Width == _region.Width && region.Height == _region.Height;

    private static (int First, int End) Fill(SampleTap[] taps, AxisMapping axis, int unit)
    {
        // For a whole-image search these are exactly -0.5, length - 0.5, 0 and length - 1.
        double lowest = Math.Max(axis.Offset, axis.RegionStart) - 0.5;
        double highest = Math.Min(axis.Offset + axis.WindowLength, axis.RegionStart + axis.RegionLength) - 0.5;
        int firstSample = axis.RegionStart;
        int lastSample = axis.RegionStart + axis.RegionLength - 1;
        int first = taps.Length;
        int end = 0;
        for (int i = 0; i < taps.Length; i++)
        {
            double u = (((i + 0.5 - axis.Pad) / axis.Scale) + axis.Offset) - 0.5;
            if (u < lowest || u > highest)
            {
                taps[i] = default;
                continue;
            }

            first = Math.Min(first, i);
            end = i + 1;
            double clamped = Math.Clamp(u, firstSample, lastSample);
            int lower = (int)Math.Floor(clamped);
            int upper = Math.Min(lower + 1, lastSample);
            taps[i] = new SampleTap(lower * unit, upper * unit, (float)(clamped - lower));
        }

        return first < end ? (first, end) : (0, 0);
    }

    /// <summary>One axis of an axis-aligned transform: input = (image - offset) x scale + pad, within a window and a region.</summary>
    private readonly record struct AxisMapping(double Pad, double Scale, double Offset, double WindowLength, int RegionStart, int RegionLength)
    {
        public static AxisMapping Columns(in InputTransform t) => new(t.PadX, t.ScaleX, t.OffsetX, t.WindowWidth, t.Region.X, t.Region.Width);

        public static AxisMapping Rows(in InputTransform t) => new(t.PadY, t.ScaleY, t.OffsetY, t.WindowHeight, t.Region.Y, t.Region.Height);

        /// <summary>Field-by-field equality without the generated comparer (see <see cref="Matches"/>); a default mapping (scale 0) matches no real one.</summary>
        public bool SameAs(double pad, double scale, double offset, double windowLength) =>
            Pad == pad && Scale == scale && Offset == offset && WindowLength == windowLength;
    }
}
