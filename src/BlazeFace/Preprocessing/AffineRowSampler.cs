using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BlazeFace.Imaging;

namespace BlazeFace.Preprocessing;

/// <summary>
/// The inner loops of a turned (rotated) conversion: one output row of RGB floats in the model's value range, each
/// pixel blended from the four source pixels its <see cref="AffineSampling"/> tap names, or black where it reads
/// nothing. The twin of <see cref="BilinearRowSampler"/> for maps that do not keep rows and columns apart; it serves
/// the detectors' rotated searches ([-1, 1]) and the face-landmark crop ([0, 1], border replicated).
/// </summary>
/// <remarks>
/// Reads are unchecked, as in <see cref="BilinearRowSampler"/>. They stay in bounds because every tap lies in the
/// searched region, which the caller has checked lies inside the image, and the image view guarantees stride x
/// (height - 1) + width x bytes per pixel readable bytes; the four-byte loads are taken only where four bytes remain.
/// </remarks>
internal static class AffineRowSampler
{
    private const int Channels = 3;

    /// <summary>
    /// Samples a whole tensor of <paramref name="outputWidth"/> columns: the rows and columns the sampling can read
    /// are blended, the rest (a letterbox border, a window's part past the canvas) is black.
    /// </summary>
    /// <param name="image">The source image.</param>
    /// <param name="sampling">Where each output pixel reads.</param>
    /// <param name="outputWidth">Columns of the tensor.</param>
    /// <param name="range">How byte values become tensor values.</param>
    /// <param name="useVectors">Whether colour pixels go through the 4-wide vector loop (<see cref="BilinearRowSampler.IsVectorised"/>, or off in tests).</param>
    /// <param name="tensor">Receives output height x <paramref name="outputWidth"/> x 3 floats, NHWC.</param>
    public static void SampleTensor(ImageView image, in AffineSampling sampling, int outputWidth, TensorValueRange range, bool useVectors, Span<float> tensor)
    {
        PixelLayout layout = image.Layout;
        ChannelOffsets channels = layout.Format.GetChannelOffsets();
        int first = sampling.FirstColumn;
        int end = sampling.EndColumn;
        int rowLength = outputWidth * Channels;
        float black = range.Offset;
        tensor[..(sampling.FirstRow * rowLength)].Fill(black);
        tensor[(sampling.EndRow * rowLength)..].Fill(black);

        // As in the axis-aligned rows, the vector loop stops one column early because it writes a fourth float.
        bool vectors = useVectors && layout.BytesPerPixel >= 3;
        int vectorEnd = vectors ? Math.Max(first, end - 1) : first;
        for (int j = sampling.FirstRow; j < sampling.EndRow; j++)
        {
            Span<float> output = tensor.Slice(j * rowLength, rowLength);
            output[..(first * Channels)].Fill(black);
            output[(end * Channels)..].Fill(black);
            if (vectorEnd > first)
            {
                SampleFourBytesAtATime(image.Pixels, layout, channels, sampling, j, first, vectorEnd, range, output[(first * Channels)..((vectorEnd * Channels) + 1)]);
            }

            SampleByChannel(image.Pixels, layout, channels, sampling, j, vectorEnd, end, range, output[(vectorEnd * Channels)..(end * Channels)]);
        }
    }

    /// <summary>Samples output columns [first, end) of one row, one channel at a time; works for every format.</summary>
    /// <param name="pixels">The whole image's bytes.</param>
    /// <param name="layout">The image's validated layout.</param>
    /// <param name="channels">Where red, green and blue sit in a pixel (all at 0 for grey).</param>
    /// <param name="sampling">Where each output pixel reads.</param>
    /// <param name="row">The output row.</param>
    /// <param name="first">First output column to write.</param>
    /// <param name="end">One past the last output column to write.</param>
    /// <param name="range">How byte values become tensor values.</param>
    /// <param name="output">Exactly three floats per column.</param>
    public static void SampleByChannel(
        ReadOnlySpan<byte> pixels, PixelLayout layout, ChannelOffsets channels, in AffineSampling sampling, int row, int first, int end, TensorValueRange range, Span<float> output)
    {
        Debug.Assert(output.Length == (end - first) * 3, "three floats per column");
        ref byte image = ref MemoryMarshal.GetReference(pixels);
        ref float destination = ref MemoryMarshal.GetReference(output);
        float scale = range.Scale;
        float offset = range.Offset;
        for (int i = first; i < end; i++)
        {
            ref float pixel = ref Unsafe.Add(ref destination, (i - first) * 3);
            if (!sampling.TryGetTap(i, row, out BilinearTap tap))
            {
                (pixel, Unsafe.Add(ref pixel, 1), Unsafe.Add(ref pixel, 2)) = (offset, offset, offset);
                continue;
            }

            Debug.Assert(((long)tap.Bottom * layout.Stride) + (tap.Right * layout.BytesPerPixel) + channels.Blue < pixels.Length, "tap inside the image");
            ref byte top = ref Unsafe.Add(ref image, tap.Top * layout.Stride);
            ref byte bottom = ref Unsafe.Add(ref image, tap.Bottom * layout.Stride);
            int left = tap.Left * layout.BytesPerPixel;
            int right = tap.Right * layout.BytesPerPixel;
            pixel = (BilinearRowSampler.Interpolate(ref top, ref bottom, left + channels.Red, right + channels.Red, tap.Fx, tap.Fy) * scale) + offset;
            Unsafe.Add(ref pixel, 1) = (BilinearRowSampler.Interpolate(ref top, ref bottom, left + channels.Green, right + channels.Green, tap.Fx, tap.Fy) * scale) + offset;
            Unsafe.Add(ref pixel, 2) = (BilinearRowSampler.Interpolate(ref top, ref bottom, left + channels.Blue, right + channels.Blue, tap.Fx, tap.Fy) * scale) + offset;
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
    /// <param name="range">How byte values become tensor values.</param>
    /// <param name="output">Three floats per column followed by at least one more, which is overwritten.</param>
    public static void SampleFourBytesAtATime(
        ReadOnlySpan<byte> pixels, PixelLayout layout, ChannelOffsets channels, in AffineSampling sampling, int row, int first, int end, TensorValueRange range, Span<float> output)
    {
        Debug.Assert(output.Length > (end - first) * 3, "room for the fourth float of the last pixel");
        ref byte image = ref MemoryMarshal.GetReference(pixels);
        ref float destination = ref MemoryMarshal.GetReference(output);
        bool swapRedAndBlue = channels.Red > channels.Blue;
        int lastFourByteOffset = pixels.Length - 4;
        float scalarScale = range.Scale;
        float scalarOffset = range.Offset;
        Vector128<float> scale = Vector128.Create(scalarScale);
        Vector128<float> offset = Vector128.Create(scalarOffset);
        for (int i = first; i < end; i++)
        {
            int at = (i - first) * 3;
            if (!sampling.TryGetTap(i, row, out BilinearTap tap))
            {
                offset.StoreUnsafe(ref destination, (nuint)at);
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
                pixel = (BilinearRowSampler.Interpolate(ref top, ref bottom, left + channels.Red, right + channels.Red, tap.Fx, tap.Fy) * scalarScale) + scalarOffset;
                Unsafe.Add(ref pixel, 1) = (BilinearRowSampler.Interpolate(ref top, ref bottom, left + channels.Green, right + channels.Green, tap.Fx, tap.Fy) * scalarScale) + scalarOffset;
                Unsafe.Add(ref pixel, 2) = (BilinearRowSampler.Interpolate(ref top, ref bottom, left + channels.Blue, right + channels.Blue, tap.Fx, tap.Fy) * scalarScale) + scalarOffset;
                continue;
            }

            Vector128<float> fx = Vector128.Create(tap.Fx);
            Vector128<float> topLeft = BilinearRowSampler.LoadPixel(ref top, left);
            Vector128<float> bottomLeft = BilinearRowSampler.LoadPixel(ref bottom, left);
            Vector128<float> upper = topLeft + (fx * (BilinearRowSampler.LoadPixel(ref top, right) - topLeft));
            Vector128<float> lower = bottomLeft + (fx * (BilinearRowSampler.LoadPixel(ref bottom, right) - bottomLeft));
            Vector128<float> value = ((upper + (Vector128.Create(tap.Fy) * (lower - upper))) * scale) + offset;
            if (swapRedAndBlue)
            {
                value = Vector128.Shuffle(value, Vector128.Create(2, 1, 0, 3));
            }

            value.StoreUnsafe(ref destination, (nuint)at);
        }
    }
}
