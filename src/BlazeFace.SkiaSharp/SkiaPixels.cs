using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using BlazeFace.Imaging;
using SkiaSharp;

namespace BlazeFace.SkiaSharp;

/// <summary>
/// A SkiaSharp image's pixels as an <see cref="ImageView"/>: the image's own memory when its colour type is one the
/// core reads (8888 in either order, RGB888x or Gray8, not premultiplied or fully opaque), otherwise an unpremultiplied
/// RGBA copy made by Skia: into a buffer from the shared pool, returned by <see cref="Dispose"/>, up to
/// <see cref="MaxPooledBytes"/>; into a buffer of the call's own above that.
/// </summary>
internal ref struct SkiaPixels
{
    /// <summary>
    /// The largest conversion buffer taken from <see cref="ArrayPool{T}.Shared"/>: 16 MiB, an RGBA 2560x1600 image.
    /// The shared pool keeps what it is given back for the life of the process (arrays up to 1 GiB on .NET 8 and
    /// later), so a 12000x12000 conversion once left a 1 GiB array alive after the call; a larger buffer is
    /// allocated for the call and left to the garbage collector.
    /// </summary>
    internal const int MaxPooledBytes = 16 * 1024 * 1024;

    private byte[]? _copy;
    private bool _pooled;

    private SkiaPixels(ImageView view, byte[]? copy, bool pooled)
    {
        View = view;
        _copy = copy;
        _pooled = pooled;
    }

    /// <summary>The pixels to detect on; valid until <see cref="Dispose"/> and while the source image lives.</summary>
    public ImageView View { get; }

    /// <summary>Whether the pixels had to be converted (and so were copied).</summary>
    public readonly bool IsCopy => _copy is not null;

    public static SkiaPixels From(SKBitmap bitmap, string paramName)
    {
        ArgumentNullException.ThrowIfNull(bitmap, paramName);
        ThrowIfDisposed(bitmap, nameof(SKBitmap));
        SKImageInfo info = bitmap.Info;
        return FromMemory(info, bitmap.GetPixels(), bitmap.GetPixelSpan(), bitmap.RowBytes, paramName, nameof(SKBitmap));
    }

    public static SkiaPixels From(SKPixmap pixmap, string paramName)
    {
        ArgumentNullException.ThrowIfNull(pixmap, paramName);
        ThrowIfDisposed(pixmap, nameof(SKPixmap));
        return FromMemory(pixmap.Info, pixmap.GetPixels(), pixmap.GetPixelSpan(), pixmap.RowBytes, paramName, nameof(SKPixmap));
    }

    public static SkiaPixels From(SKImage image, string paramName)
    {
        ArgumentNullException.ThrowIfNull(image, paramName);
        ThrowIfDisposed(image, nameof(SKImage));
        SKImageInfo info = image.Info;
        CheckSize(info, paramName, nameof(SKImage));
        using (SKPixmap? raster = image.PeekPixels())
        {
            if (raster is not null)
            {
                return FromMemory(raster.Info, raster.GetPixels(), raster.GetPixelSpan(), raster.RowBytes, paramName, nameof(SKImage));
            }
        }

        // Lazy (still encoded) or texture-backed: Skia decodes or reads it back into our buffer.
        return Convert(info, paramName, nameof(SKImage), (destination, address, rowBytes) => image.ReadPixels(destination, address, rowBytes, 0, 0));
    }

    /// <summary>
    /// The bitmap's own pixels, with no copy, for a colour type the core reads in place; anything else is refused
    /// rather than converted, since a view has no owner for a converted copy.
    /// </summary>
    public static ImageView DirectView(SKBitmap bitmap, string paramName)
    {
        ArgumentNullException.ThrowIfNull(bitmap, paramName);
        ThrowIfDisposed(bitmap, nameof(SKBitmap));
        return DirectView(bitmap.Info, bitmap.GetPixels(), bitmap.GetPixelSpan(), bitmap.RowBytes, paramName, nameof(SKBitmap));
    }

    /// <inheritdoc cref="DirectView(SKBitmap, string)"/>
    public static ImageView DirectView(SKPixmap pixmap, string paramName)
    {
        ArgumentNullException.ThrowIfNull(pixmap, paramName);
        ThrowIfDisposed(pixmap, nameof(SKPixmap));
        return DirectView(pixmap.Info, pixmap.GetPixels(), pixmap.GetPixelSpan(), pixmap.RowBytes, paramName, nameof(SKPixmap));
    }

    public readonly void Dispose()
    {
        if (_pooled)
        {
            ArrayPool<byte>.Shared.Return(_copy!);
        }
    }

    private static ImageView DirectView(SKImageInfo info, IntPtr address, ReadOnlySpan<byte> memory, int rowBytes, string paramName, string typeName)
    {
        if (TryDirect(info, address, memory, rowBytes, paramName, typeName, out ImageView view))
        {
            return view;
        }

        throw new ArgumentException(
            SkiaColorTypes.DirectFormat(info.ColorType) is null
                ? $"The {typeName}'s colour type {info.ColorType} cannot be read in place (Rgba8888, Bgra8888, Rgb888x and Gray8 can); detect on the {typeName} itself, which converts it, or copy it to Rgba8888."
                : $"The {typeName} is premultiplied and not opaque, so its colours cannot be read in place; detect on the {typeName} itself, which converts it, or copy it to an unpremultiplied one.",
            paramName);
    }

    private static SkiaPixels FromMemory(SKImageInfo info, IntPtr address, ReadOnlySpan<byte> memory, int rowBytes, string paramName, string typeName)
    {
        if (TryDirect(info, address, memory, rowBytes, paramName, typeName, out ImageView view))
        {
            return new SkiaPixels(view, null, pooled: false);
        }

        using var source = new SKPixmap(info, address, rowBytes);
        return Convert(info, paramName, typeName, source.ReadPixels);
    }

    /// <summary>The pixels in place when the core reads their layout; false when they must be converted.</summary>
    private static bool TryDirect(SKImageInfo info, IntPtr address, ReadOnlySpan<byte> memory, int rowBytes, string paramName, string typeName, out ImageView view)
    {
        view = default;
        CheckSize(info, paramName, typeName);
        if (address == IntPtr.Zero)
        {
            throw new ArgumentException($"The {typeName} has no pixel memory (allocate or install its pixels first).", paramName);
        }

        ImagePixelFormat? format = SkiaColorTypes.DirectFormat(info.ColorType);
        if (format is { } direct)
        {
            ReadOnlySpan<byte> pixels = PixelSpan(memory, rowBytes, info, paramName, typeName);
            bool alphaFits = info.AlphaType != SKAlphaType.Premul || direct == ImagePixelFormat.Gray8 || info.ColorType == SKColorType.Rgb888x || IsOpaque(pixels, info, rowBytes);
            if (alphaFits)
            {
                view = new ImageView(pixels, info.Width, info.Height, direct, rowBytes);
            }

            return alphaFits;
        }

        if (!SkiaColorTypes.HasColor(info.ColorType))
        {
            throw new ArgumentException($"The {typeName}'s colour type {info.ColorType} has no colour to detect faces in; use an RGB, BGR or grey colour type.", paramName);
        }

        return false;
    }

    private delegate bool PixelReader(SKImageInfo destination, IntPtr address, int rowBytes);

    /// <summary>Has Skia convert the pixels to unpremultiplied RGBA8888, in a pooled buffer up to <see cref="MaxPooledBytes"/>.</summary>
    private static SkiaPixels Convert(SKImageInfo info, string paramName, string typeName, PixelReader read)
    {
        int rowBytes = info.Width * 4;
        long bytes = (long)rowBytes * info.Height;
        if (bytes > Array.MaxLength)
        {
            throw new ArgumentException($"The {info.Width}x{info.Height} {typeName} is too large to convert to RGBA in one buffer ({bytes} bytes).", paramName);
        }

        bool pooled = bytes <= MaxPooledBytes;
        byte[] buffer = pooled ? ArrayPool<byte>.Shared.Rent((int)bytes) : GC.AllocateUninitializedArray<byte>((int)bytes);
        GCHandle pin = GCHandle.Alloc(buffer, GCHandleType.Pinned);
        bool succeeded;
        try
        {
            var destination = new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
            succeeded = read(destination, pin.AddrOfPinnedObject(), rowBytes);
        }
        finally
        {
            pin.Free();
        }

        if (!succeeded)
        {
            if (pooled)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            throw new ArgumentException($"Skia could not read the {typeName}'s {info.ColorType} pixels as RGBA (a GPU texture without its context?).", paramName);
        }

        var view = new ImageView(buffer.AsSpan(0, (int)bytes), info.Width, info.Height, ImagePixelFormat.Rgba32, rowBytes);
        return new SkiaPixels(view, buffer, pooled);
    }

    private static void CheckSize(SKImageInfo info, string paramName, string typeName)
    {
        if (info.Width <= 0 || info.Height <= 0)
        {
            throw new ArgumentException($"The {typeName} is empty ({info.Width}x{info.Height}).", paramName);
        }

        if (info.ColorType == SKColorType.Unknown)
        {
            throw new ArgumentException($"The {typeName} has an unknown colour type.", paramName);
        }
    }

    private static ReadOnlySpan<byte> PixelSpan(ReadOnlySpan<byte> memory, int rowBytes, SKImageInfo info, string paramName, string typeName)
    {
        // The last row needs only its pixel bytes, as ImageView expects; the buffer may end right there.
        long length = ((long)rowBytes * (info.Height - 1)) + ((long)info.Width * info.BytesPerPixel);
        if (rowBytes < info.Width * info.BytesPerPixel || memory.Length < length)
        {
            throw new ArgumentException($"The {typeName}'s pixel memory ({memory.Length} bytes, {rowBytes} per row) is too small for {info.Width}x{info.Height} {info.ColorType}.", paramName);
        }

        return memory[..(int)length];
    }

    /// <summary>
    /// Whether every alpha byte of a premultiplied 8888 image is 255, in which case premultiplied and straight colour
    /// are the same bytes and the image needs no conversion (PNG decoders hand out premultiplied opaque images often).
    /// </summary>
    private static bool IsOpaque(ReadOnlySpan<byte> pixels, SKImageInfo info, int rowBytes)
    {
        // Byte 3 of each pixel is alpha in both RGBA and BGRA, so as a little-endian uint it is the top byte.
        uint alphaMask = BitConverter.IsLittleEndian ? 0xFF000000u : 0x000000FFu;
        for (int y = 0; y < info.Height; y++)
        {
            ReadOnlySpan<uint> row = MemoryMarshal.Cast<byte, uint>(pixels.Slice(y * rowBytes, info.Width * 4));
            uint all = uint.MaxValue;
            int x = 0;
            if (Vector.IsHardwareAccelerated && row.Length >= Vector<uint>.Count)
            {
                var accumulated = new Vector<uint>(uint.MaxValue);
                for (; x <= row.Length - Vector<uint>.Count; x += Vector<uint>.Count)
                {
                    accumulated &= new Vector<uint>(row.Slice(x));
                }

                for (int lane = 0; lane < Vector<uint>.Count; lane++)
                {
                    all &= accumulated[lane];
                }
            }

            for (; x < row.Length; x++)
            {
                all &= row[x];
            }

            if ((all & alphaMask) != alphaMask)
            {
                return false;
            }
        }

        return true;
    }

    private static void ThrowIfDisposed(SKObject skiaObject, string typeName)
    {
        // A disposed SkiaSharp object has a null handle; calling into Skia with it would crash the process.
        if (skiaObject.Handle == IntPtr.Zero)
        {
            throw new ObjectDisposedException(typeName, $"The {typeName} has been disposed.");
        }
    }
}
