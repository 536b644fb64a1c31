using OpenCvSharp;
using SkiaSharp;

namespace BlazeFace.Cli.Video;

/// <summary>A decoded Skia image as the BGR Mat the video pipeline works on (one conversion by OpenCV, no extra copy).</summary>
internal static class SkiaFrames
{
    /// <summary>Converts <paramref name="image"/> into <paramref name="destination"/>, CV_8UC3 BGR of the same size.</summary>
    /// <exception cref="InvalidDataException">Skia cannot convert the image to 8-bit colour.</exception>
    public static void CopyToBgr(SKBitmap image, Mat destination)
    {
        // ImageFileLoader gives Gray8 for grey files and the platform's 8888 type otherwise; anything else is converted first.
        SKBitmap pixels = image.ColorType is SKColorType.Gray8 or SKColorType.Bgra8888 or SKColorType.Rgba8888
            ? image
            : image.Copy(SKColorType.Bgra8888) ?? throw new InvalidDataException($"The {image.ColorType} image cannot be converted to BGRA.");
        try
        {
            (MatType type, ColorConversionCodes conversion) = pixels.ColorType switch
            {
                SKColorType.Gray8 => (MatType.CV_8UC1, ColorConversionCodes.GRAY2BGR),
                SKColorType.Rgba8888 => (MatType.CV_8UC4, ColorConversionCodes.RGBA2BGR),
                _ => (MatType.CV_8UC4, ColorConversionCodes.BGRA2BGR),
            };
            using Mat view = Mat.FromPixelData(pixels.Height, pixels.Width, type, pixels.GetPixels(), pixels.RowBytes);
            Cv2.CvtColor(view, destination, conversion);
        }
        finally
        {
            if (!ReferenceEquals(pixels, image))
            {
                pixels.Dispose();
            }
        }
    }
}
