namespace BlazeFace.Imaging;

/// <summary>Byte-layout facts about each <see cref="PixelFormat"/>.</summary>
internal static class PixelFormatExtensions
{
    /// <summary>Number of bytes one pixel occupies.</summary>
    /// <param name="format">The pixel format.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined value.</exception>
    public static int BytesPerPixel(this PixelFormat format) => format switch
    {
        PixelFormat.Rgb24 or PixelFormat.Bgr24 => 3,
        PixelFormat.Rgba32 or PixelFormat.Bgra32 => 4,
        PixelFormat.Gray8 => 1,
        _ => throw Undefined(format),
    };

    /// <summary>Where red, green, blue and alpha sit in one pixel; a grey pixel reads its one byte for all three colours.</summary>
    /// <param name="format">The pixel format.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined value.</exception>
    public static ChannelOffsets GetChannelOffsets(this PixelFormat format) => format switch
    {
        PixelFormat.Rgb24 => new(0, 1, 2, -1),
        PixelFormat.Bgr24 => new(2, 1, 0, -1),
        PixelFormat.Rgba32 => new(0, 1, 2, 3),
        PixelFormat.Bgra32 => new(2, 1, 0, 3),
        PixelFormat.Gray8 => new(0, 0, 0, -1),
        _ => throw Undefined(format),
    };

    private static ArgumentOutOfRangeException Undefined(PixelFormat format) =>
        new(nameof(format), format, $"{(int)format} is not a defined {nameof(PixelFormat)} value.");
}
