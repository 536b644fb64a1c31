using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BlazeFace.Imaging;
using BlazeFace.Preprocessing;

namespace BlazeFace.Alignment;

/// <summary>
/// The inner loop of <see cref="FaceAligner"/>: one row of an output image in the source's own pixel format, each
/// byte blended bilinearly from the four source pixels its <see cref="AffineSampling"/> tap names and rounded, or
/// zero where the point falls outside the image.
/// </summary>
/// <remarks>Reads are unchecked, as in the tensor samplers: every tap lies inside the image the layout describes.</remarks>
internal static class AffinePixelSampler
{
    /// <summary>Samples one output row.</summary>
    /// <param name="pixels">The whole source image's bytes.</param>
    /// <param name="layout">The source's validated layout.</param>
    /// <param name="sampling">Where each output pixel reads.</param>
    /// <param name="row">The output row.</param>
    /// <param name="output">The row's pixel bytes: output width x bytes per pixel.</param>
    public static void SampleRow(ReadOnlySpan<byte> pixels, PixelLayout layout, in AffineSampling sampling, int row, Span<byte> output)
    {
        int bytesPerPixel = layout.BytesPerPixel;
        Debug.Assert(output.Length % bytesPerPixel == 0, "whole pixels");
        ref byte image = ref MemoryMarshal.GetReference(pixels);
        for (int i = 0; i < output.Length / bytesPerPixel; i++)
        {
            Span<byte> pixel = output.Slice(i * bytesPerPixel, bytesPerPixel);
            if (!sampling.TryGetTap(i, row, out BilinearTap tap))
            {
                pixel.Clear();
                continue;
            }

            Debug.Assert(((long)tap.Bottom * layout.Stride) + ((tap.Right + 1) * bytesPerPixel) <= pixels.Length, "tap inside the image");
            ref byte top = ref Unsafe.Add(ref image, tap.Top * layout.Stride);
            ref byte bottom = ref Unsafe.Add(ref image, tap.Bottom * layout.Stride);
            int left = tap.Left * bytesPerPixel;
            int right = tap.Right * bytesPerPixel;
            for (int c = 0; c < bytesPerPixel; c++)
            {
                float topLeft = Unsafe.Add(ref top, left + c);
                float bottomLeft = Unsafe.Add(ref bottom, left + c);
                float upper = topLeft + (tap.Fx * (Unsafe.Add(ref top, right + c) - topLeft));
                float lower = bottomLeft + (tap.Fx * (Unsafe.Add(ref bottom, right + c) - bottomLeft));
                pixel[c] = (byte)Math.Min(255, (int)(upper + (tap.Fy * (lower - upper)) + 0.5f));
            }
        }
    }
}
