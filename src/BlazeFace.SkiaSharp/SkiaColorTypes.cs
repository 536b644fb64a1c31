using BlazeFace.Imaging;
using SkiaSharp;

namespace BlazeFace.SkiaSharp;

/// <summary>Which SkiaSharp colour types the core reads in place, and which hold no colour at all.</summary>
internal static class SkiaColorTypes
{
    /// <summary>The core's format with the same bytes, or null when the pixels must be converted.</summary>
    public static ImagePixelFormat? DirectFormat(SKColorType colorType) => colorType switch
    {
        SKColorType.Rgba8888 => ImagePixelFormat.Rgba32,
        SKColorType.Bgra8888 => ImagePixelFormat.Bgra32,

        // RGB and one unused byte: the core ignores the fourth byte of Rgba32 anyway.
        SKColorType.Rgb888x => ImagePixelFormat.Rgba32,
        SKColorType.Gray8 => ImagePixelFormat.Gray8,
        _ => null,
    };

    /// <summary>False for the alpha-only types (a mask, not a picture) and for Unknown.</summary>
    public static bool HasColor(SKColorType colorType) => colorType is not (SKColorType.Unknown or SKColorType.Alpha8 or SKColorType.Alpha16 or SKColorType.AlphaF16);
}
