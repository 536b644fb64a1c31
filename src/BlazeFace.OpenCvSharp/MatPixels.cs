using BlazeFace.Imaging;
using OpenCvSharp;

namespace BlazeFace.OpenCvSharp;

/// <summary>Checks a <see cref="Mat"/> and describes its memory as an <see cref="ImageView"/>, in place.</summary>
internal static class MatPixels
{
    /// <summary>The core format for a Mat type with 8-bit channels, or null when the core cannot read it.</summary>
    public static ImagePixelFormat? DefaultFormat(MatType type) =>
        type == MatType.CV_8UC3 ? ImagePixelFormat.Bgr24
        : type == MatType.CV_8UC4 ? ImagePixelFormat.Bgra32
        : type == MatType.CV_8UC1 ? ImagePixelFormat.Gray8
        : null;

    /// <summary>Throws unless the Mat is a live, non-empty, two-dimensional CV_8UC1, CV_8UC3 or CV_8UC4 image to detect in.</summary>
    public static MatType Check(Mat image, string paramName) => Check(
        image,
        paramName,
        type => $"The Mat is {type}; faces are detected in 8-bit images with 1, 3 or 4 channels (CV_8UC1 grey, CV_8UC3 BGR, CV_8UC4 BGRA). " +
            "Convert it first (Mat.ConvertTo to CV_8U, Cv2.CvtColor to BGR).");

    /// <summary>Throws unless the Mat is a live, non-empty, two-dimensional CV_8UC1, CV_8UC3 or CV_8UC4 image to draw on.</summary>
    public static MatType CheckDrawable(Mat image, string paramName) => Check(
        image,
        paramName,
        type => $"The Mat is {type}; detections are drawn on 8-bit images with 1, 3 or 4 channels (CV_8UC1 grey, CV_8UC3 BGR, CV_8UC4 BGRA). " +
            "Draw on the 8-bit image the faces were found in, or on an 8-bit copy (Mat.ConvertTo to CV_8U).");

    private static MatType Check(Mat image, string paramName, Func<MatType, string> unsupported)
    {
        ArgumentNullException.ThrowIfNull(image, paramName);
        if (image.IsDisposed)
        {
            throw new ObjectDisposedException(nameof(Mat), "The Mat has been disposed.");
        }

        if (image.Empty())
        {
            throw new ArgumentException("The Mat is empty (no rows or columns); was the image read?", paramName);
        }

        if (image.Dims != 2 || image.Rows <= 0 || image.Cols <= 0)
        {
            throw new ArgumentException($"The Mat has {image.Dims} dimensions; an image has 2 (rows and columns).", paramName);
        }

        MatType type = image.Type();
        if (DefaultFormat(type) is null)
        {
            throw new ArgumentException(unsupported(type), paramName);
        }

        return type;
    }

    /// <summary>A view of the Mat's own memory (no copy), rows <see cref="Mat.Step()"/> bytes apart.</summary>
    /// <remarks>The caller must keep the Mat alive (<see cref="GC.KeepAlive(object?)"/>) until it is done with the view.</remarks>
    public static unsafe ImageView View(Mat image, ImagePixelFormat? format, string paramName)
    {
        MatType type = Check(image, paramName);
        ImagePixelFormat actual = format ?? DefaultFormat(type)!.Value;
        if (format is not null && ChannelCount(actual) != type.Channels)
        {
            throw new ArgumentException($"{actual} has {ChannelCount(actual)} bytes per pixel but the Mat ({type}) has {type.Channels} channels.", nameof(format));
        }

        long step = image.Step();
        long length = (step * (image.Rows - 1)) + ((long)image.Cols * type.Channels);
        if (step > int.MaxValue || length > int.MaxValue)
        {
            throw new ArgumentException($"The {image.Cols}x{image.Rows} Mat spans {length} bytes, more than one span can cover.", paramName);
        }

        return new ImageView(new ReadOnlySpan<byte>((void*)image.Data, (int)length), image.Cols, image.Rows, actual, (int)step);
    }

    private static int ChannelCount(ImagePixelFormat format) => format switch
    {
        ImagePixelFormat.Rgb24 or ImagePixelFormat.Bgr24 => 3,
        ImagePixelFormat.Rgba32 or ImagePixelFormat.Bgra32 => 4,
        ImagePixelFormat.Gray8 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, $"{(int)format} is not a defined {nameof(ImagePixelFormat)} value."),
    };
}
