namespace BlazeFace.Imaging;

/// <summary>Byte-layout facts about each <see cref="ImagePixelFormat"/>.</summary>
internal static class ImagePixelFormatExtensions
{
    /// <summary>Number of bytes one pixel occupies.</summary>
    /// <param name="format">The pixel format.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined value.</exception>
    public static int BytesPerPixel(this ImagePixelFormat format) => format switch
    {
        ImagePixelFormat.Rgb24 or ImagePixelFormat.Bgr24 => 3,
        ImagePixelFormat.Rgba32 or ImagePixelFormat.Bgra32 => 4,
        ImagePixelFormat.Gray8 => 1,
        _ => throw Undefined(format),
    };

    /// <summary>Where red, green, blue and alpha sit in one pixel; a grey pixel reads its one byte for all three colours.</summary>
    /// <param name="format">The pixel format.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined value.</exception>
    public static ChannelOffsets GetChannelOffsets(this ImagePixelFormat format) => format switch
    {
        ImagePixelFormat.Rgb24 => new(0, 1, 2, -1),
        ImagePixelFormat.Bgr24 => new(2, 1, 0, -1),
        ImagePixelFormat.Rgba32 => new(0, 1, 2, 3),
        ImagePixelFormat.Bgra32 => new(2, 1, 0, 3),
        ImagePixelFormat.Gray8 => new(0, 0, 0, -1),
        _ => throw Undefined(format),
    };

    private static ArgumentOutOfRangeException Undefined(ImagePixelFormat format) =>
        new(nameof(format), format, $"{(int)format} is not a defined {nameof(ImagePixelFormat)} value.");
}
