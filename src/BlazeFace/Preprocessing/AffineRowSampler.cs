using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BlazeFace.Imaging;

namespace BlazeFace.Preprocessing;

/// <summary>
/// The inner loops of a turned (rotated) conversion: one output row of RGB floats in [-1, 1], each pixel blended
/// from the four source pixels its <see cref="AffineSampling"/> tap names, or black (-1) where it reads nothing. The
/// twin of <see cref="BilinearRowSampler"/> for maps that do not keep rows and columns apart.
/// </summary>
/// <remarks>
/// Reads are unchecked, as in <see cref="BilinearRowSampler"/>. They stay in bounds because every tap lies in the
/// searched region, which the caller has checked lies inside the image, and the image view guarantees stride x
/// (height - 1) + width x bytes per pixel readable bytes; the four-byte loads are taken only where four bytes remain.
/// </remarks>
internal static class AffineRowSampler
{
    /// <summary>Samples output columns [first, end) of one row, one channel at a time; works for every format.</summary>
    /// <param name="pixels">The whole image's bytes.</param>
    /// <param name="layout">The image's validated layout.</param>
    /// <param name="channels">Where red, green and blue sit in a pixel (all at 0 for grey).</param>
    /// <param name="sampling">Where each output pixel reads.</param>
    /// <param name="row">The output row.</param>
    /// <param name="first">First output column to write.</param>
    /// <param name="end">One past the last output column to write.</param>
    /// <param name="output">Exactly three floats per column.</param>
    public static void SampleByChannel(ReadOnlySpan<byte> pixels, PixelLayout layout, ChannelOffsets channels, in AffineSampling sampling, int row, int first, int end, Span<float> output)
    {
        Debug.Assert(output.Length == (end - first) * 3, "three floats per column");
        ref byte image = ref MemoryMarshal.GetReference(pixels);
        ref float destination = ref MemoryMarshal.GetReference(output);
        for (int i = first; i < end; i++)
        {
            ref float pixel = ref Unsafe.Add(ref destination, (i - first) * 3);
            if (!sampling.TryGetTap(i, row, out BilinearTap tap))
            {
                (pixel, Unsafe.Add(ref pixel, 1), Unsafe.Add(ref pixel, 2)) = (-1f, -1f, -1f);
                continue;
            }

            Debug.Assert(((long)tap.Bottom * layout.Stride) + (tap.Right * layout.BytesPerPixel) + channels.Blue < pixels.Length, "tap inside the image");
            ref byte top = ref Unsafe.Add(ref image, tap.Top * layout.Stride);
            ref byte bottom = ref Unsafe.Add(ref image, tap.Bottom * layout.Stride);
            int left = tap.Left * layout.BytesPerPixel;
            int right = tap.Right * layout.BytesPerPixel;
            pixel = BilinearRowSampler.Blend(ref top, ref bottom, left + channels.Red, right + channels.Red, tap.Fx, tap.Fy);
            Unsafe.Add(ref pixel, 1) = BilinearRowSampler.Blend(ref top, ref bottom, left + channels.Green, right + channels.Green, tap.Fx, tap.Fy);
            Unsafe.Add(ref pixel, 2) = BilinearRowSampler.Blend(ref top, ref bottom, left + channels.Blue, right + channels.Blue, tap.Fx, tap.Fy);
        }
    }

    /// <summary>
    /// Samples output columns [first, end) of one row of a three- or four-byte colour image with 4-wide vectors,
    /// blending all channels of a pixel at once; a tap too close to the end of the buffer for a four-byte load goes
    /// through the per-channel blend instead. Each pixel writes four floats, so one float of room must follow
    /// <paramref name="output"/>.
    /// </summary>
    /// <param name="pixels">The whole image's bytes.</param>
    /// <param name="layout">The image's validated layout (three or four bytes per pixel).</param>
    /// <param name="channels">Where red, green and blue sit in a pixel.</param>
    /// <param name="sampling">Where each output pixel reads.</param>
    /// <param name="row">The output row.</param>
    /// <param name="first">First output column to write.</param>
    /// <param name="end">One past the last output column to write.</param>
    /// <param name="output">Three floats per column followed by at least one more, which is overwritten.</param>
    public static void SampleFourBytesAtATime(ReadOnlySpan<byte> pixels, PixelLayout layout, ChannelOffsets channels, in AffineSampling sampling, int row, int first, int end, Span<float> output)
    {
        Debug.Assert(output.Length > (end - first) * 3, "room for the fourth float of the last pixel");
        ref byte image = ref MemoryMarshal.GetReference(pixels);
        ref float destination = ref MemoryMarshal.GetReference(output);
        bool swapRedAndBlue = channels.Red > channels.Blue;
        int lastFourByteOffset = pixels.Length - 4;
        Vector128<float> scale = Vector128.Create(BilinearRowSampler.Scale);
        Vector128<float> one = Vector128<float>.One;
        Vector128<float> black = Vector128.Create(-1f);
        for (int i = first; i < end; i++)
        {
            int at = (i - first) * 3;
            if (!sampling.TryGetTap(i, row, out BilinearTap tap))
            {
                black.StoreUnsafe(ref destination, (nuint)at);
                continue;
            }

            int topRow = tap.Top * layout.Stride;
            int bottomRow = tap.Bottom * layout.Stride;
            int left = tap.Left * layout.BytesPerPixel;
            int right = tap.Right * layout.BytesPerPixel;
            ref byte top = ref Unsafe.Add(ref image, topRow);
            ref byte bottom = ref Unsafe.Add(ref image, bottomRow);
            if (bottomRow + right > lastFourByteOffset)
            {
                ref float pixel = ref Unsafe.Add(ref destination, at);
                pixel = BilinearRowSampler.Blend(ref top, ref bottom, left + channels.Red, right + channels.Red, tap.Fx, tap.Fy);
                Unsafe.Add(ref pixel, 1) = BilinearRowSampler.Blend(ref top, ref bottom, left + channels.Green, right + channels.Green, tap.Fx, tap.Fy);
                Unsafe.Add(ref pixel, 2) = BilinearRowSampler.Blend(ref top, ref bottom, left + channels.Blue, right + channels.Blue, tap.Fx, tap.Fy);
                continue;
            }

            Vector128<float> fx = Vector128.Create(tap.Fx);
            Vector128<float> topLeft = BilinearRowSampler.LoadPixel(ref top, left);
            Vector128<float> bottomLeft = BilinearRowSampler.LoadPixel(ref bottom, left);
            Vector128<float> upper = topLeft + (fx * (BilinearRowSampler.LoadPixel(ref top, right) - topLeft));
            Vector128<float> lower = bottomLeft + (fx * (BilinearRowSampler.LoadPixel(ref bottom, right) - bottomLeft));
            Vector128<float> value = ((upper + (Vector128.Create(tap.Fy) * (lower - upper))) * scale) - one;
            if (swapRedAndBlue)
            {
                value = Vector128.Shuffle(value, Vector128.Create(2, 1, 0, 3));
            }

            value.StoreUnsafe(ref destination, (nuint)at);
        }
    }
}
