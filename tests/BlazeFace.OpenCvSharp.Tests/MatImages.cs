using BlazeFace.Tests.Support;
using OpenCvSharp;

namespace BlazeFace.OpenCvSharp.Tests;

/// <summary>Mats built from the raw photo fixtures, converted by OpenCV itself.</summary>
internal static class MatImages
{
    /// <summary>The photo as OpenCV holds a decoded colour image: CV_8UC3, BGR.</summary>
    public static Mat Bgr(RgbImage photo)
    {
        using var rgb = Mat.FromPixelData(photo.Height, photo.Width, MatType.CV_8UC3, photo.Pixels);
        var bgr = new Mat();
        Cv2.CvtColor(rgb, bgr, ColorConversionCodes.RGB2BGR);
        return bgr;
    }

    /// <summary>The photo converted with <see cref="Cv2.CvtColor"/> from BGR.</summary>
    public static Mat Converted(RgbImage photo, ColorConversionCodes code)
    {
        using Mat bgr = Bgr(photo);
        var converted = new Mat();
        Cv2.CvtColor(bgr, converted, code);
        return converted;
    }
}
