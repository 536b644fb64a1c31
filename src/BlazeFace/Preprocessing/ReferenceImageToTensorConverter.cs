using BlazeFace.Imaging;

namespace BlazeFace.Preprocessing;

/// <summary>
/// The definition of the input tensor, written as plainly as possible, in <see cref="double"/>, pixel by pixel:
/// the yardstick <see cref="ImageToTensorConverter"/> is tested against. Too slow for video.
/// </summary>
internal static class ReferenceImageToTensorConverter
{
    /// <summary>Samples <paramref name="image"/> into <paramref name="tensor"/> (NHWC, RGB, [-1, 1]).</summary>
    /// <param name="image">The source image.</param>
    /// <param name="tensor">Receives input height x width x 3 floats.</param>
    /// <param name="inputWidth">Model input width in pixels.</param>
    /// <param name="inputHeight">Model input height in pixels.</param>
    /// <param name="mode">How the image is fitted into the input.</param>
    /// <returns>How the image maps into the input.</returns>
    public static InputTransform Convert(ImageView image, Span<float> tensor, int inputWidth, int inputHeight, ResizeMode mode)
    {
        InputTransform t = ImageToTensorConverter.CheckArguments(image, tensor, inputWidth, inputHeight, mode);
        int width = image.Width;
        int height = image.Height;
        ChannelOffsets channels = image.Format.GetChannelOffsets();
        int bytesPerPixel = image.Format.BytesPerPixel();
        for (int j = 0; j < inputHeight; j++)
        {
            for (int i = 0; i < inputWidth; i++)
            {
                Span<float> output = tensor.Slice(((j * inputWidth) + i) * 3, 3);

                // Pixel centres align: input pixel i covers [i, i + 1), whose centre maps back to image x = u + 0.5.
                double u = ((i + 0.5 - t.PadX) / t.ScaleX) - 0.5;
                double v = ((j + 0.5 - t.PadY) / t.ScaleY) - 0.5;
                if (u < -0.5 || u > width - 0.5 || v < -0.5 || v > height - 0.5)
                {
                    output.Fill(-1f);
                    continue;
                }

                double uc = Math.Clamp(u, 0, width - 1);
                double vc = Math.Clamp(v, 0, height - 1);
                int x0 = (int)Math.Floor(uc);
                int y0 = (int)Math.Floor(vc);
                int x1 = Math.Min(x0 + 1, width - 1);
                int y1 = Math.Min(y0 + 1, height - 1);
                double fx = uc - x0;
                double fy = vc - y0;
                ReadOnlySpan<byte> top = image.GetRow(y0);
                ReadOnlySpan<byte> bottom = image.GetRow(y1);
                int left = x0 * bytesPerPixel;
                int right = x1 * bytesPerPixel;
                output[0] = Sample(top, bottom, left + channels.Red, right + channels.Red, fx, fy);
                output[1] = Sample(top, bottom, left + channels.Green, right + channels.Green, fx, fy);
                output[2] = Sample(top, bottom, left + channels.Blue, right + channels.Blue, fx, fy);
            }
        }

        return t;
    }

    private static float Sample(ReadOnlySpan<byte> top, ReadOnlySpan<byte> bottom, int left, int right, double fx, double fy)
    {
        double value = ((1 - fy) * (((1 - fx) * top[left]) + (fx * top[right]))) + (fy * (((1 - fx) * bottom[left]) + (fx * bottom[right])));
        return (float)((value / 127.5) - 1);
    }
}
