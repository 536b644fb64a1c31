using BlazeFace.Imaging;
using OpenCvSharp;

namespace BlazeFace.OpenCvSharp;

/// <summary>
/// Face detection on OpenCV images: <c>detector.Detect(mat)</c> on the Mat's own memory, with no copy.
/// </summary>
/// <remarks>
/// <para>
/// Accepted: 8-bit Mats with 3 channels (BGR, OpenCV's order, as <see cref="Cv2.ImRead(string, ImreadModes)"/> and
/// <see cref="VideoCapture"/> give them), 4 channels (BGRA; alpha ignored) or 1 channel (grey). Anything else throws
/// <see cref="ArgumentException"/> naming the Mat's type; convert it first.
/// </para>
/// <para>
/// A sub-matrix (a region of interest such as <c>frame[new Rect(x, y, w, h)]</c>) works as it is, without a copy:
/// rows are read <see cref="Mat.Step()"/> bytes apart. Results are in the sub-matrix's own pixels, (0, 0) being its
/// top-left corner; add the region's offset (<see cref="Mat.LocateROI(out Size, out Point)"/> gives it) to place
/// them on the parent image.
/// </para>
/// </remarks>
public static class OpenCvFaceDetectorExtensions
{
    /// <summary>Detects faces in an OpenCV image.</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="image">A CV_8UC3 (BGR), CV_8UC4 (BGRA) or CV_8UC1 (grey) Mat, continuous or not.</param>
    /// <param name="options">How to search the image: rotation, a region of interest, automatic orientation, tiling (<see cref="FaceDetector.Detect(ImageView, ImageProcessingOptions)"/>); the default searches it upright, whole.</param>
    /// <returns>The faces found, best first, in the Mat's pixel coordinates; empty when there are none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> or <paramref name="image"/> is null.</exception>
    /// <exception cref="ArgumentException">The Mat is empty, not two-dimensional, or of another type (ParamName "image"); or the options do not fit the image (ParamName "options").</exception>
    /// <exception cref="ObjectDisposedException">The Mat or the detector has been disposed.</exception>
    public static IReadOnlyList<FaceDetection> Detect(this FaceDetector detector, Mat image, ImageProcessingOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(detector);
        IReadOnlyList<FaceDetection> faces = detector.Detect(MatPixels.View(image, null, nameof(image)), options);
        GC.KeepAlive(image);
        return faces;
    }

    /// <summary>Detects faces in an OpenCV image without allocating once warmed up: results go into <paramref name="destination"/>.</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="image">A CV_8UC3 (BGR), CV_8UC4 (BGRA) or CV_8UC1 (grey) Mat, continuous or not.</param>
    /// <param name="destination">Receives the best <c>destination.Length</c> faces at most, best first.</param>
    /// <param name="found">How many faces were found; more than the return value when <paramref name="destination"/> was too short.</param>
    /// <param name="options">How to search the image, as for <see cref="Detect(FaceDetector, Mat, ImageProcessingOptions)"/>.</param>
    /// <returns>The number of faces written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> or <paramref name="image"/> is null.</exception>
    /// <exception cref="ArgumentException">The Mat is empty, not two-dimensional, or of another type (ParamName "image"); or the options do not fit the image (ParamName "options").</exception>
    /// <exception cref="ObjectDisposedException">The Mat or the detector has been disposed.</exception>
    public static int Detect(this FaceDetector detector, Mat image, Span<FaceDetection> destination, out int found, ImageProcessingOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(detector);
        int written = detector.Detect(MatPixels.View(image, null, nameof(image)), destination, out found, options);
        GC.KeepAlive(image);
        return written;
    }

    /// <summary>
    /// The Mat's pixels as an <see cref="ImageView"/> in its own memory, for the core's other entry points; valid
    /// only while the Mat lives and keeps its data.
    /// </summary>
    /// <param name="image">A CV_8UC3, CV_8UC4 or CV_8UC1 Mat, continuous or not.</param>
    /// <param name="format">
    /// How to read the channels; null for OpenCV's usual order (Bgr24, Bgra32, Gray8 by channel count). Pass
    /// <see cref="ImagePixelFormat.Rgb24"/> for a Mat converted to RGB with <see cref="Cv2.CvtColor"/>.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="image"/> is null.</exception>
    /// <exception cref="ArgumentException">The Mat is empty, not two-dimensional or of another type (ParamName "image"), or <paramref name="format"/> has another channel count (ParamName "format").</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined value.</exception>
    /// <exception cref="ObjectDisposedException">The Mat has been disposed.</exception>
    public static ImageView AsImageView(this Mat image, ImagePixelFormat? format = null) => MatPixels.View(image, format, nameof(image));
}
