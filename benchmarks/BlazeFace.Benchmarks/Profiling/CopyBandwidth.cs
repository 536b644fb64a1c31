using System.Diagnostics;

namespace BlazeFace.Benchmarks.Profiling;

/// <summary>
/// Measures how fast one core copies a buffer that fits in its L2 cache (bytes read + bytes written per second): the
/// memory floor a step cannot beat when its activations are cache-resident, as BlazeFace's mostly are.
/// </summary>
internal static class CopyBandwidth
{
    public static double MeasureBytesPerSecond(int bufferBytes = 256 * 1024)
    {
        byte[] source = new byte[bufferBytes];
        byte[] destination = new byte[bufferBytes];
        new Random(1).NextBytes(source);
        var best = double.MaxValue;
        for (int round = 0; round < 200; round++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < 16; i++)
            {
                source.AsSpan().CopyTo(destination);
            }

            best = Math.Min(best, (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency / 16);
        }

        return 2.0 * bufferBytes / best;
    }
}
