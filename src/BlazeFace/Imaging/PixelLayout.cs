namespace BlazeFace.Imaging;

/// <summary>
/// The validated geometry of a caller's pixel buffer. Reading (<see cref="ImageView"/>) and drawing share this one
/// check so that they accept exactly the same buffers and report problems the same way.
/// </summary>
/// <param name="Width">Width in pixels, positive.</param>
/// <param name="Height">Height in pixels, positive.</param>
/// <param name="Format">The pixel format, a defined value.</param>
/// <param name="Stride">Bytes from one row's start to the next, at least <paramref name="RowBytes"/>.</param>
/// <param name="BytesPerPixel">Bytes per pixel of <paramref name="Format"/>.</param>
/// <param name="RowBytes">Bytes of pixel data in one row: width x bytes per pixel.</param>
internal readonly record struct PixelLayout(int Width, int Height, ImagePixelFormat Format, int Stride, int BytesPerPixel, int RowBytes)
{
    /// <summary>
    /// Checks the arguments describe an image that fits in <paramref name="pixels"/>. The
    /// parameter names in the exceptions are those of the public methods that forward here (<c>width</c>,
    /// <c>height</c>, <c>format</c>, <c>stride</c>, <c>pixels</c>).
    /// </summary>
    /// <param name="pixels">The caller's buffer; only its length is used.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="format">Pixel format.</param>
    /// <param name="stride">Bytes per row including padding; 0 for tightly packed rows.</param>
    /// <exception cref="ArgumentException">An argument is invalid; <see cref="ArgumentException.ParamName"/> says which.</exception>
    public static PixelLayout Create(ReadOnlySpan<byte> pixels, int width, int height, ImagePixelFormat format, int stride)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        int bytesPerPixel = format.BytesPerPixel();

        long rowBytes = (long)width * bytesPerPixel;
        if (rowBytes > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"A row of {width} {format} pixels needs {rowBytes} bytes, more than a buffer can hold.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(stride);
        int effectiveStride = stride == 0 ? (int)rowBytes : stride;
        if (effectiveStride < rowBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride, $"A row of {width} {format} pixels needs {rowBytes} bytes, more than the stride.");
        }

        // The last row needs only its pixel bytes, not a full stride: buffers cropped from a larger image end there.
        long needed = ((long)effectiveStride * (height - 1)) + rowBytes;
        if (needed > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, $"A {width}x{height} {format} image with stride {effectiveStride} needs {needed} bytes, more than a buffer can hold.");
        }

        if (pixels.Length < needed)
        {
            throw new ArgumentException($"The buffer holds {pixels.Length} bytes but a {width}x{height} {format} image with stride {effectiveStride} needs {needed}.", nameof(pixels));
        }

        return new PixelLayout(width, height, format, effectiveStride, bytesPerPixel, (int)rowBytes);
    }
}
