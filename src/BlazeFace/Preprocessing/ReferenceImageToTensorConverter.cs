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
        Convert(image, t, tensor);
        return t;
    }

    /// <summary>Samples <paramref name="image"/> into <paramref name="tensor"/> along any transform: region, rotation, window.</summary>
    /// <param name="image">The source image.</param>
    /// <param name="t">The transform, made for this image's size.</param>
    /// <param name="tensor">Receives the transform's input height x width x 3 floats.</param>
    public static void Convert(ImageView image, in InputTransform t, Span<float> tensor)
    {
        ChannelOffsets channels = image.Format.GetChannelOffsets();
        int bytesPerPixel = image.Format.BytesPerPixel();
        ImageRegion region = t.Region;
        for (int j = 0; j < t.InputHeight; j++)
        {
            for (int i = 0; i < t.InputWidth; i++)
            {
                Span<float> output = tensor.Slice(((j * t.InputWidth) + i) * 3, 3);

                // Pixel centres align: input pixel i covers [i, i + 1), and its centre's position in the window is
                // unfitted from it; outside the window is the letterbox border.
                double windowX = (i + 0.5 - t.PadX) / t.ScaleX;
                double windowY = (j + 0.5 - t.PadY) / t.ScaleY;
                if (windowX < 0 || windowX > t.WindowWidth || windowY < 0 || windowY > t.WindowHeight)
                {
                    output.Fill(-1f);
                    continue;
                }

                // The window sits on the turned region's canvas; image pixel x covers [x, x + 1), centred at x + 0.5.
                (double x, double y) = t.Frame.ToImage(windowX + t.WindowX, windowY + t.WindowY);
                double u = x - 0.5;
                double v = y - 0.5;
                if (u < region.X - 0.5 || u > region.Right - 0.5 || v < region.Y - 0.5 || v > region.Bottom - 0.5)
                {
                    output.Fill(-1f);
                    continue;
                }

                double uc = Math.Clamp(u, region.X, region.Right - 1);
                double vc = Math.Clamp(v, region.Y, region.Bottom - 1);
                int x0 = (int)Math.Floor(uc);
                int y0 = (int)Math.Floor(vc);
                int x1 = (int)Math.Min(x0 + 1, region.Right - 1);
                int y1 = (int)Math.Min(y0 + 1, region.Bottom - 1);
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
    }

    private static float Sample(ReadOnlySpan<byte> top, ReadOnlySpan<byte> bottom, int left, int right, double fx, double fy)
    {
        double value = ((1 - fy) * (((1 - fx) * top[left]) + (fx * top[right]))) + (fy * (((1 - fx) * bottom[left]) + (fx * bottom[right])));
        return (float)((value / 127.5) - 1);
    }
}
