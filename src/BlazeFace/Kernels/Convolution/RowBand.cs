namespace BlazeFace.Kernels.Convolution;

/// <summary>
/// A band of a window walk's output rows, [<see cref="FirstOutputRow"/>, + <see cref="OutputRows"/>), computed from
/// an input buffer whose first row is the image's row <see cref="FirstInputRow"/> and written to an output buffer whose
/// first row is the band's first row.
/// </summary>
/// <remarks>
/// Running a block's layers band by band keeps each band's intermediates in cache (see the banded BlazeBlocks): the
/// input then is either the whole tensor (<see cref="FirstInputRow"/> 0) or a window of rows kept in scratch. Rows
/// outside the image still read as zeros; rows inside it must be in the buffer, which
/// <see cref="InputRows(in Conv2DGeometry)"/> says.
/// </remarks>
internal readonly record struct RowBand(int FirstOutputRow, int OutputRows, int FirstInputRow)
{
    public int EndOutputRow => FirstOutputRow + OutputRows;

    /// <summary>All output rows, from a buffer holding the whole input.</summary>
    public static RowBand Whole(in Conv2DGeometry geometry) => new(0, geometry.Output.Height, 0);

    /// <summary>The image rows [First, End) the band's windows reach, leaving out padding rows.</summary>
    public (int First, int End) InputRows(in Conv2DGeometry geometry)
    {
        if (OutputRows == 0)
        {
            return (FirstInputRow, FirstInputRow);
        }

        int first = (FirstOutputRow * geometry.StrideHeight) - geometry.PadTop;
        int end = ((EndOutputRow - 1) * geometry.StrideHeight) - geometry.PadTop + geometry.KernelHeight;
        return (Math.Clamp(first, 0, geometry.Input.Height), Math.Clamp(end, 0, geometry.Input.Height));
    }

    /// <summary>Whether some window of the band reaches above or below the image, where the walk reads zeros.</summary>
    public bool ReadsPadding(in Conv2DGeometry geometry) =>
        OutputRows > 0
        && ((FirstOutputRow * geometry.StrideHeight) - geometry.PadTop < 0
            || ((EndOutputRow - 1) * geometry.StrideHeight) - geometry.PadTop + geometry.KernelHeight > geometry.Input.Height);

    /// <summary>
    /// Checks <paramref name="band"/> lies inside the output and the buffers hold what it reads and writes: the kernels
    /// index without bounds checks.
    /// </summary>
    public static void Check(in Conv2DGeometry geometry, in RowBand band, int inputLength, int outputLength)
    {
        if (band.FirstOutputRow < 0 || band.OutputRows < 0 || band.EndOutputRow > geometry.Output.Height)
        {
            throw new ArgumentOutOfRangeException(nameof(band), band, $"Output rows [{band.FirstOutputRow}, {band.EndOutputRow}) are not inside the output's {geometry.Output.Height} rows.");
        }

        var (first, end) = band.InputRows(geometry);
        if (band.FirstInputRow < 0 || (end > first && band.FirstInputRow > first))
        {
            throw new ArgumentOutOfRangeException(nameof(band), band, $"The input buffer starts at row {band.FirstInputRow}, but output rows [{band.FirstOutputRow}, {band.EndOutputRow}) read from row {first}.");
        }

        int rowFloats = geometry.Input.Width * geometry.Input.Channels;
        ArgumentOutOfRangeException.ThrowIfLessThan(inputLength, Math.Max(end - band.FirstInputRow, 0) * rowFloats, "input");
        ArgumentOutOfRangeException.ThrowIfLessThan(outputLength, band.OutputRows * geometry.Output.Width * geometry.Output.Channels, "output");
    }
}
