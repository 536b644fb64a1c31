namespace BlazeFace.Cli.Imaging.Jpeg;

/// <summary>
/// The zig-zag sequence of T.81 Figure A.6: <see cref="ToNatural"/>[k] is the row-major
/// (natural order) index of the k-th coefficient in zig-zag order.
/// </summary>
internal static class JpegZigZag
{
    private static readonly byte[] NaturalOrder = Build();

    public static ReadOnlySpan<byte> ToNatural => NaturalOrder;

    private static byte[] Build()
    {
        // Walk the anti-diagonals row + column = d. Odd diagonals run down-left (row increasing),
        // even ones run up-right (row decreasing), starting at the top-left corner.
        var order = new byte[64];
        int k = 0;
        for (int d = 0; d <= 14; d++)
        {
            int rowLow = Math.Max(0, d - 7);
            int rowHigh = Math.Min(7, d);
            if ((d & 1) == 1)
            {
                for (int row = rowLow; row <= rowHigh; row++)
                {
                    order[k++] = (byte)((row * 8) + (d - row));
                }
            }
            else
            {
                for (int row = rowHigh; row >= rowLow; row--)
                {
                    order[k++] = (byte)((row * 8) + (d - row));
                }
            }
        }

        return order;
    }
}
