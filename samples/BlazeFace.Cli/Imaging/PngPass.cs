namespace BlazeFace.Cli.Imaging;

/// <summary>
/// A run of scanlines in the PNG data stream: the whole image when it is not interlaced,
/// otherwise one of the seven Adam7 sub-images, which samples every XStep-th pixel of
/// every YStep-th row starting at (XStart, YStart).
/// </summary>
/// <param name="Number">1..7 for Adam7 passes, 0 for a non-interlaced image.</param>
internal readonly record struct PngPass(int Number, int XStart, int YStart, int XStep, int YStep, int Columns, int Rows)
{
    private static readonly (int XStart, int YStart, int XStep, int YStep)[] Adam7 =
    [
        (0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2),
    ];

    /// <summary>
    /// The passes that hold data for an image, in stream order. Empty Adam7 passes
    /// (possible for images narrower or shorter than 5 pixels) are left out, because
    /// they contribute no scanlines, not even filter bytes.
    /// </summary>
    public static IReadOnlyList<PngPass> For(PngHeader header)
    {
        if (!header.Interlaced)
        {
            return [new PngPass(0, 0, 0, 1, 1, header.Width, header.Height)];
        }

        var passes = new List<PngPass>(Adam7.Length);
        for (int index = 0; index < Adam7.Length; index++)
        {
            var (xStart, yStart, xStep, yStep) = Adam7[index];
            int columns = CountSamples(header.Width, xStart, xStep);
            int rows = CountSamples(header.Height, yStart, yStep);
            if (columns > 0 && rows > 0)
            {
                passes.Add(new PngPass(index + 1, xStart, yStart, xStep, yStep, columns, rows));
            }
        }

        return passes;
    }

    private static int CountSamples(int size, int start, int step) => size > start ? (size - start + step - 1) / step : 0;
}
