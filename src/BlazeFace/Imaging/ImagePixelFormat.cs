namespace BlazeFace.Imaging;

/// <summary>Byte layout of one pixel in an 8-bit-per-channel image buffer.</summary>
public enum ImagePixelFormat
{
    /// <summary>Three bytes per pixel: red, green, blue.</summary>
    Rgb24 = 0,

    /// <summary>Three bytes per pixel: blue, green, red (OpenCV's default order).</summary>
    Bgr24 = 1,

    /// <summary>Four bytes per pixel: red, green, blue, alpha. Alpha is ignored when reading.</summary>
    Rgba32 = 2,

    /// <summary>Four bytes per pixel: blue, green, red, alpha (the usual Windows bitmap order). Alpha is ignored when reading.</summary>
    Bgra32 = 3,

    /// <summary>One byte per pixel: luminance, read as a grey with equal red, green and blue.</summary>
    Gray8 = 4,
}
