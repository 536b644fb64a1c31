namespace BlazeFace.Network.Blocks;

/// <summary>
/// How many output rows a banded block computes at a time: as many as keep one band's working set (the input rows its
/// windows read, its intermediates in scratch, the output rows it writes) within <see cref="BudgetBytes"/>, in as few
/// bands as that allows, of an even height.
/// </summary>
/// <remarks>
/// <para>
/// The budget is a quarter of a 1 MB L2 (Zen 4 and Zen 5; Intel's recent cores have 1.25 to 2 MB, older ones 256 KB
/// to 1 MB): the band's rows stay in L2 from the step that writes them to the step that reads them, with room left
/// for the block's weights and the tensors around it. A block whose whole working set fits runs as one band.
/// </para>
/// <para>
/// Even heights let the stride-1 depthwise kernel compute every band's rows in pairs, which share input rows (any
/// height gives the same values; an odd one computes one row per band alone, with more loads).
/// </para>
/// </remarks>
internal static class BandHeight
{
    public const int BudgetBytes = 256 * 1024;

    /// <param name="outputRows">The block's output height.</param>
    /// <param name="floatsPerRow">Floats one more output row adds to a band's working set.</param>
    /// <param name="fixedFloats">Floats every band touches whatever its height (the rows of a window's halo).</param>
    /// <param name="forced">A height to use instead (tests check every height gives the same values).</param>
    public static int Choose(int outputRows, int floatsPerRow, int fixedFloats, int? forced = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outputRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(floatsPerRow, 1);
        if (forced is { } rows)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1, nameof(forced));
            return Math.Min(rows, outputRows);
        }

        long budget = (BudgetBytes / sizeof(float)) - fixedFloats;
        int most = (int)Math.Clamp(budget / floatsPerRow, 1, outputRows);
        if (most == outputRows || most == 1)
        {
            return most;
        }

        // The fewest bands of at most an even number of rows, then the even height that spreads the rows over them.
        int mostEven = most & ~1;
        int bands = (outputRows + mostEven - 1) / mostEven;
        int height = (outputRows + bands - 1) / bands;
        return height + (height % 2);
    }
}
