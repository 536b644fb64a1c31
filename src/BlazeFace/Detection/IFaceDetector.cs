using BlazeFace.Imaging;

namespace BlazeFace;

/// <summary>
/// Finds faces in images: pre-processing, the BlazeFace network, anchor decoding, non-maximum suppression and the
/// projection of every result back into the image's own pixels. <see cref="FaceDetector"/> runs it on the managed
/// kernels; add-on packages run the same pipeline on other engines.
/// </summary>
public interface IFaceDetector : IDisposable
{
    /// <summary>The model this detector runs.</summary>
    BlazeFaceModel Model { get; }

    /// <summary>Detects faces in an image.</summary>
    /// <param name="image">The pixels to search.</param>
    /// <returns>The faces found, best first, in the image's pixel coordinates; empty when there are none.</returns>
    /// <exception cref="ObjectDisposedException">The detector has been disposed.</exception>
    IReadOnlyList<FaceDetection> Detect(ImageView image);

    /// <summary>Detects faces in an image held in an <see cref="ImageBuffer"/>.</summary>
    /// <param name="image">The pixels to search.</param>
    /// <returns>The faces found, best first, in the image's pixel coordinates; empty when there are none.</returns>
    /// <exception cref="ArgumentException"><paramref name="image"/> is a default value with no pixels.</exception>
    /// <exception cref="ObjectDisposedException">The detector has been disposed.</exception>
    IReadOnlyList<FaceDetection> Detect(ImageBuffer image) => Detect(image.AsView(nameof(image)));

    /// <summary>Detects faces in an image without allocating: results go into <paramref name="destination"/>.</summary>
    /// <param name="image">The pixels to search.</param>
    /// <param name="destination">Receives the best <c>destination.Length</c> faces at most, best first.</param>
    /// <returns>The number of faces written. Use <see cref="Detect(ImageView, Span{FaceDetection}, out int)"/> to learn whether more were found.</returns>
    /// <exception cref="ObjectDisposedException">The detector has been disposed.</exception>
    int Detect(ImageView image, Span<FaceDetection> destination) => Detect(image, destination, out _);

    /// <summary>Detects faces in an image without allocating, and reports how many were found in all.</summary>
    /// <param name="image">The pixels to search.</param>
    /// <param name="destination">Receives the best <c>destination.Length</c> faces at most, best first.</param>
    /// <param name="found">
    /// How many faces were found; more than the return value when <paramref name="destination"/> was too short (the
    /// weakest ones were left out). Never more than <see cref="FaceDetectorOptions.MaxFaces"/>.
    /// </param>
    /// <returns>The number of faces written: the smaller of <paramref name="found"/> and <c>destination.Length</c>.</returns>
    /// <exception cref="ObjectDisposedException">The detector has been disposed.</exception>
    int Detect(ImageView image, Span<FaceDetection> destination, out int found);

    /// <summary>
    /// Detects faces in a region of an image, turned by any angle, in every orientation or tile by tile, as
    /// <paramref name="options"/> asks. Results are always in the whole image's pixels.
    /// </summary>
    /// <param name="image">The pixels to search.</param>
    /// <param name="options">Region of interest, rotation, automatic orientation and tiling; the default value searches the whole image as it is.</param>
    /// <returns>The faces found, best first, in the image's pixel coordinates; empty when there are none.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="image"/> is a default view, or the region of interest is empty or reaches outside the image
    /// (an <see cref="ArgumentOutOfRangeException"/> whose ParamName is "RegionOfInterest").
    /// </exception>
    /// <exception cref="NotSupportedException">
    /// This implementation supports only the default options. The default implementation, for detectors written
    /// before these options existed, forwards the default options to <see cref="Detect(ImageView)"/> and refuses
    /// the rest; <see cref="FaceDetector"/> supports them all.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The detector has been disposed.</exception>
    IReadOnlyList<FaceDetection> Detect(ImageView image, ImageProcessingOptions options) =>
        options == default ? Detect(image) : throw OptionsNotSupported();

    /// <summary>
    /// Detects faces as <see cref="Detect(ImageView, ImageProcessingOptions)"/> does, without allocating once warmed
    /// up: results go into <paramref name="destination"/>.
    /// </summary>
    /// <param name="image">The pixels to search.</param>
    /// <param name="options">Region of interest, rotation, automatic orientation and tiling.</param>
    /// <param name="destination">Receives the best <c>destination.Length</c> faces at most, best first.</param>
    /// <param name="found">How many faces were found in all; more than the return value when <paramref name="destination"/> was too short.</param>
    /// <returns>The number of faces written: the smaller of <paramref name="found"/> and <c>destination.Length</c>.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Detect(ImageView, ImageProcessingOptions)"/>.</exception>
    /// <exception cref="NotSupportedException">As for <see cref="Detect(ImageView, ImageProcessingOptions)"/>.</exception>
    /// <exception cref="ObjectDisposedException">The detector has been disposed.</exception>
    int Detect(ImageView image, ImageProcessingOptions options, Span<FaceDetection> destination, out int found) =>
        options == default ? Detect(image, destination, out found) : throw OptionsNotSupported();

    /// <summary>Advanced: runs on an already prepared model input tensor.</summary>
    /// <param name="inputTensor">
    /// The model input, NHWC: <see cref="BlazeFaceModel.InputSize"/>² x 3 values, RGB scaled to [-1, 1].
    /// </param>
    /// <returns>The faces found, best first, in the tensor's pixel coordinates (0 to the input size).</returns>
    /// <exception cref="ArgumentException">The tensor has the wrong length or holds a NaN or infinite value.</exception>
    /// <exception cref="ObjectDisposedException">The detector has been disposed.</exception>
    IReadOnlyList<FaceDetection> Detect(ReadOnlySpan<float> inputTensor);

    /// <summary>Advanced: runs on an already prepared model input tensor without allocating.</summary>
    /// <param name="inputTensor">The model input, as for <see cref="Detect(ReadOnlySpan{float})"/>.</param>
    /// <param name="destination">Receives the best <c>destination.Length</c> faces at most, best first.</param>
    /// <returns>The number of faces written.</returns>
    /// <exception cref="ArgumentException">The tensor has the wrong length or holds a NaN or infinite value.</exception>
    /// <exception cref="ObjectDisposedException">The detector has been disposed.</exception>
    int Detect(ReadOnlySpan<float> inputTensor, Span<FaceDetection> destination);

    /// <summary>Detects faces in many images, using several cores where the detector can.</summary>
    /// <param name="images">The images; results come back in the same order.</param>
    /// <param name="maxDegreeOfParallelism">Most threads to use; -1 (the default) means one per core.</param>
    /// <returns>One result list per image, each what <see cref="Detect(ImageView)"/> returns for it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="images"/> is null.</exception>
    /// <exception cref="ArgumentException">An image is a default <see cref="ImageBuffer"/> with no pixels; the message gives its index.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    /// <exception cref="ObjectDisposedException">The detector has been disposed.</exception>
    /// <remarks>An exception thrown while detecting is rethrown as it is, not wrapped in an <see cref="AggregateException"/>.</remarks>
    IReadOnlyList<FaceDetection>[] DetectBatch(IReadOnlyList<ImageBuffer> images, int maxDegreeOfParallelism = -1) =>
        BatchDetection.Run(this, images, maxDegreeOfParallelism);

    private NotSupportedException OptionsNotSupported() =>
        new($"{GetType().FullName} supports only the default {nameof(ImageProcessingOptions)}; {nameof(FaceDetector)} supports regions of interest, rotation, automatic orientation and tiling.");
}
