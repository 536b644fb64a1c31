using SkiaSharp;

namespace BlazeFace.SkiaSharp;

/// <summary>
/// Decodes image files into bitmaps the way a person sees them: EXIF orientation applied, so faces found in the
/// bitmap land on the picture as it is displayed. Reads whatever SkiaSharp decodes (JPEG including progressive and
/// CMYK, PNG of every colour type and bit depth, WebP, GIF (first frame), BMP, ICO, WBMP).
/// </summary>
/// <remarks>
/// <para>
/// The bitmap is <see cref="SKColorType.Gray8"/> for grey images and <see cref="SKImageInfo.PlatformColorType"/>
/// (8 bits per channel, opaque or unpremultiplied) otherwise, so the detector reads it in place. The caller owns
/// and disposes it.
/// </para>
/// <para>
/// Unlike <see cref="SKBitmap.Decode(string)"/>, which ignores EXIF orientation, and
/// <see cref="SKImage.FromEncodedData(SKData)"/>, which applies it but accepts any size, this checks the size
/// announced in the header against <see cref="UprightImageOptions.MaxPixels"/> before allocating, and treats a
/// truncated or corrupt file as an error instead of returning a partly grey picture. A Huffman-coded JPEG or a PNG
/// too small to hold the size its header announces (one bit per 8x8 block; deflate's 1032:1 at best) is refused
/// before decoding as well.
/// </para>
/// <para>
/// Truncated means cut anywhere: a JPEG (baseline or progressive), PNG, WebP or GIF that stops before the end its
/// format marks is refused even where the decoder itself would return a picture (it fills a progressive JPEG's
/// missing scans without a word). <see cref="UprightImageOptions.AllowPartialImages"/> accepts such files instead,
/// as far as their data goes.
/// </para>
/// <para>
/// <see cref="UprightImageOptions.MinimumSide"/> decodes a JPEG (or WebP) reduced, at the smallest scale that still
/// serves a search sampling it down anyway; the overloads with an <c>imageSize</c> give the size of the file's image,
/// in whose pixels <see cref="SkiaFaceDetectorExtensions.Detect(FaceDetector, SKBitmap, SKSizeI, ImageProcessingOptions)"/>
/// reports the faces found in the reduced bitmap.
/// </para>
/// </remarks>
public static class UprightImage
{
    /// <summary>Reads and decodes an image file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Limits; null for the defaults.</param>
    /// <returns>The decoded image, upright; the caller disposes it.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened (no permission, or the path names a folder; the message says which).</exception>
    /// <exception cref="InvalidDataException">The file is not an image SkiaSharp decodes, is truncated or corrupt, or is larger than <see cref="UprightImageOptions.MaxPixels"/>; the message says which.</exception>
    /// <exception cref="InsufficientMemoryException">The pixel memory for an image within the limit could not be allocated.</exception>
    public static SKBitmap Load(string path, UprightImageOptions? options = null) => Load(path, options, out _);

    /// <summary>Reads and decodes an image file, and gives the size of its image, which a reduced decode (<see cref="UprightImageOptions.MinimumSide"/>) does not show.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Limits and size hint; null for the defaults.</param>
    /// <param name="imageSize">The size of the file's image, upright: the bitmap's own size, or larger when it was decoded reduced.</param>
    /// <returns>The decoded image, upright; the caller disposes it.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened (no permission, or the path names a folder; the message says which).</exception>
    /// <exception cref="InvalidDataException">The file is not an image SkiaSharp decodes, is truncated or corrupt, or is larger than <see cref="UprightImageOptions.MaxPixels"/>; the message says which.</exception>
    /// <exception cref="InsufficientMemoryException">The pixel memory for an image within the limit could not be allocated.</exception>
    public static SKBitmap Load(string path, UprightImageOptions? options, out SKSizeI imageSize)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        // Opening a folder fails with "Access to the path is denied", which sends the user after permissions.
        if (Directory.Exists(path))
        {
            throw new UnauthorizedAccessException("It is a folder, not an image file.");
        }

        using FileStream file = File.OpenRead(path);
        return Decode(file, options, out imageSize);
    }

    /// <summary>Decodes an image read from a stream, to its end.</summary>
    /// <param name="stream">A readable stream holding an encoded image.</param>
    /// <param name="options">Limits; null for the defaults.</param>
    /// <returns>The decoded image, upright; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidDataException">The data is not an image SkiaSharp decodes, is truncated or corrupt, or is larger than <see cref="UprightImageOptions.MaxPixels"/>.</exception>
    /// <exception cref="InsufficientMemoryException">The pixel memory for an image within the limit could not be allocated.</exception>
    public static SKBitmap Decode(Stream stream, UprightImageOptions? options = null) => Decode(stream, options, out _);

    /// <summary>Decodes an image read from a stream, to its end, and gives the size of its image, which a reduced decode (<see cref="UprightImageOptions.MinimumSide"/>) does not show.</summary>
    /// <param name="stream">A readable stream holding an encoded image.</param>
    /// <param name="options">Limits and size hint; null for the defaults.</param>
    /// <param name="imageSize">The size of the encoded image, upright: the bitmap's own size, or larger when it was decoded reduced.</param>
    /// <returns>The decoded image, upright; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidDataException">The data is not an image SkiaSharp decodes, is truncated or corrupt, or is larger than <see cref="UprightImageOptions.MaxPixels"/>.</exception>
    /// <exception cref="InsufficientMemoryException">The pixel memory for an image within the limit could not be allocated.</exception>
    public static SKBitmap Decode(Stream stream, UprightImageOptions? options, out SKSizeI imageSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using SKData data = SKData.Create(stream);
        return Decode(data, options ?? UprightImageOptions.Default, out imageSize);
    }

    /// <summary>Decodes an image held in memory.</summary>
    /// <param name="encoded">The encoded file's bytes; copied, so the caller may reuse the buffer.</param>
    /// <param name="options">Limits; null for the defaults.</param>
    /// <returns>The decoded image, upright; the caller disposes it.</returns>
    /// <exception cref="InvalidDataException">The data is not an image SkiaSharp decodes, is truncated or corrupt, or is larger than <see cref="UprightImageOptions.MaxPixels"/>.</exception>
    /// <exception cref="InsufficientMemoryException">The pixel memory for an image within the limit could not be allocated.</exception>
    public static SKBitmap Decode(ReadOnlySpan<byte> encoded, UprightImageOptions? options = null) => Decode(encoded, options, out _);

    /// <summary>Decodes an image held in memory, and gives the size of its image, which a reduced decode (<see cref="UprightImageOptions.MinimumSide"/>) does not show.</summary>
    /// <param name="encoded">The encoded file's bytes; copied, so the caller may reuse the buffer.</param>
    /// <param name="options">Limits and size hint; null for the defaults.</param>
    /// <param name="imageSize">The size of the encoded image, upright: the bitmap's own size, or larger when it was decoded reduced.</param>
    /// <returns>The decoded image, upright; the caller disposes it.</returns>
    /// <exception cref="InvalidDataException">The data is not an image SkiaSharp decodes, is truncated or corrupt, or is larger than <see cref="UprightImageOptions.MaxPixels"/>.</exception>
    /// <exception cref="InsufficientMemoryException">The pixel memory for an image within the limit could not be allocated.</exception>
    public static SKBitmap Decode(ReadOnlySpan<byte> encoded, UprightImageOptions? options, out SKSizeI imageSize)
    {
        using SKData data = SKData.CreateCopy(encoded);
        return Decode(data, options ?? UprightImageOptions.Default, out imageSize);
    }

    private static SKBitmap Decode(SKData? data, UprightImageOptions options, out SKSizeI imageSize)
    {
        if (data is null || data.Size == 0)
        {
            throw new InvalidDataException("The file is empty.");
        }

        // The codec reads only the header here; the stream is the codec's from now on.
        using SKCodec codec = SKCodec.Create(new SKMemoryStream(data), out SKCodecResult opened)
            ?? throw new InvalidDataException(SignatureName(data.AsSpan()) is { } format
                ? $"The {format} header is damaged or describes an image the decoder cannot read ({opened})."
                : $"Not an image format SkiaSharp decodes (JPEG, PNG, WebP, GIF, BMP, ICO, WBMP); the file starts with {LeadingBytes(data)}.");

        SKImageInfo stored = codec.Info;
        imageSize = CheckSize(stored, codec.EncodedOrigin, options.MaxPixels);
        long minimum = EncodedSizeBound.MinimumBytes(codec.EncodedFormat, data.AsSpan());
        if (data.Size < minimum)
        {
            throw new InvalidDataException(
                $"The {codec.EncodedFormat} file is damaged: {data.Size} bytes cannot hold a {stored.Width}x{stored.Height} image (at least {minimum} are needed).");
        }

        if (!options.AllowPartialImages && EncodedFileEnd.Missing(codec.EncodedFormat, data.AsSpan()) is { } truncated)
        {
            throw new InvalidDataException(truncated);
        }

        SKSizeI decoded = DecodeScale.For(codec, options.MinimumSide);
        SKImageInfo info = new(
            decoded.Width,
            decoded.Height,
            stored.ColorType == SKColorType.Gray8 ? SKColorType.Gray8 : SKImageInfo.PlatformColorType,
            stored.AlphaType == SKAlphaType.Opaque || stored.ColorType == SKColorType.Gray8 ? SKAlphaType.Opaque : SKAlphaType.Unpremul);

        var bitmap = new SKBitmap();
        try
        {
            if (!bitmap.TryAllocPixels(info))
            {
                throw new InsufficientMemoryException($"Could not allocate {info.BytesSize64} bytes for a {info.Width}x{info.Height} image.");
            }

            SKCodecResult result = codec.GetPixels(info, bitmap.GetPixels());

            // An incomplete image has had its missing rows filled by the codec; the caller asked for it as it is.
            if (result != SKCodecResult.Success && !(result == SKCodecResult.IncompleteInput && options.AllowPartialImages))
            {
                throw new InvalidDataException(result == SKCodecResult.IncompleteInput
                    ? $"The {codec.EncodedFormat} image is truncated: its data ends before the last pixel."
                    : $"The {codec.EncodedFormat} image data is corrupt ({result}).");
            }

            return Orient(bitmap, codec.EncodedOrigin);
        }
        catch
        {
            bitmap.Dispose();
            throw;
        }
    }

    /// <summary>Refuses an empty size or one above the limit, quoting the size as the image is displayed (after its EXIF orientation), as the user sees it.</summary>
    /// <returns>The size as displayed.</returns>
    private static SKSizeI CheckSize(SKImageInfo stored, SKEncodedOrigin origin, long maxPixels)
    {
        bool swap = ExifOrientation.SwapsAxes(origin);
        int width = swap ? stored.Height : stored.Width;
        int height = swap ? stored.Width : stored.Height;
        if (width <= 0 || height <= 0)
        {
            throw new InvalidDataException($"The image header gives an empty size ({width}x{height}).");
        }

        long pixels = (long)width * height;
        if (pixels > maxPixels)
        {
            throw new InvalidDataException($"The image is {width}x{height} ({pixels:N0} pixels), more than the {maxPixels:N0}-pixel limit; refused before decoding.");
        }

        return new SKSizeI(width, height);
    }

    /// <summary>Returns <paramref name="stored"/> itself when already upright, else a transformed copy (disposing the original).</summary>
    private static SKBitmap Orient(SKBitmap stored, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft || !Enum.IsDefined(origin))
        {
            return stored;
        }

        bool swap = ExifOrientation.SwapsAxes(origin);
        SKImageInfo info = stored.Info.WithSize(swap ? stored.Height : stored.Width, swap ? stored.Width : stored.Height);
        var upright = new SKBitmap();
        try
        {
            if (!upright.TryAllocPixels(info))
            {
                throw new InsufficientMemoryException($"Could not allocate {info.BytesSize64} bytes to orient a {info.Width}x{info.Height} image.");
            }

            // Whole-pixel moves only, so nearest sampling copies every pixel exactly; Src copies alpha as well.
            using (SKPixmap pixels = stored.PeekPixels())
            using (SKImage source = SKImage.FromPixels(pixels))
            using (var canvas = new SKCanvas(upright))
            using (var copy = new SKPaint { BlendMode = SKBlendMode.Src })
            {
                canvas.SetMatrix(ExifOrientation.StoredToDisplayed(origin, stored.Width, stored.Height));
                canvas.DrawImage(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), copy);
            }

            stored.Dispose();
            return upright;
        }
        catch
        {
            upright.Dispose();
            throw;
        }
    }

    /// <summary>The format a file's first bytes announce, for messages about files whose header Skia refused.</summary>
    private static string? SignatureName(ReadOnlySpan<byte> file) =>
        file.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "JPEG"
        : file.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']) ? "PNG"
        : file.StartsWith("GIF8"u8) ? "GIF"
        : file.StartsWith("BM"u8) ? "BMP"
        : file.Length >= 12 && file.StartsWith("RIFF"u8) && file[8..12].SequenceEqual("WEBP"u8) ? "WebP"
        : null;

    private static string LeadingBytes(SKData data)
    {
        ReadOnlySpan<byte> head = data.AsSpan();
        head = head[..Math.Min(head.Length, 8)];
        return string.Join(' ', head.ToArray().Select(value => $"0x{value:X2}"));
    }
}
