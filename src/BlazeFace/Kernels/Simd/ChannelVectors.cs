namespace BlazeFace.Kernels.Simd;

/// <summary>
/// How the channel-vectorised kernels cover C channels with vectors of L lanes (C &gt;= L): ceil(C / L) vectors,
/// the last one shifted back to start at C - L. The shifted vector recomputes a few channels of the one before it,
/// bit-identically, so every load and store is a whole in-bounds vector and no kernel needs a scalar channel tail.
/// </summary>
internal static class ChannelVectors
{
    public static int Count(int channels, int lanes) => (channels + lanes - 1) / lanes;

    public static int Start(int vector, int channels, int lanes) => Math.Min(vector * lanes, channels - lanes);
}
