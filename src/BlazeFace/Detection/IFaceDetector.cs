using BlazeFace.Imaging;

namespace BlazeFace;

/// <summary>
/// Finds faces in images: pre-processing, the BlazeFace network, anchor decoding, non-maximum suppression and the
/// projection of every result back into the image's own pixels.
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

    /// <summary>Detects faces in an image without allocating: results go into <paramref name="destination"/>.</summary>
    /// <param name="image">The pixels to search.</param>
    /// <param name="destination">Receives at most <c>destination.Length</c> faces, best first.</param>
    /// <returns>The number of faces written.</returns>
    /// <exception cref="ObjectDisposedException">The detector has been disposed.</exception>
    int Detect(ImageView image, Span<FaceDetection> destination);

    /// <summary>Runs on an already prepared model input tensor.</summary>
    /// <param name="inputTensor">
    /// The model input, NHWC: <see cref="BlazeFaceModel.InputSize"/>² x 3 values, RGB scaled to [-1, 1].
    /// </param>
    /// <returns>The faces found, best first, in the tensor's pixel coordinates (0 to the input size).</returns>
    /// <exception cref="ArgumentException">The tensor has the wrong length or holds a NaN or infinite value.</exception>
    /// <exception cref="ObjectDisposedException">The detector has been disposed.</exception>
    IReadOnlyList<FaceDetection> Detect(ReadOnlySpan<float> inputTensor);

    /// <summary>Runs on an already prepared model input tensor without allocating.</summary>
    /// <param name="inputTensor">The model input, as for <see cref="Detect(ReadOnlySpan{float})"/>.</param>
    /// <param name="destination">Receives at most <c>destination.Length</c> faces, best first.</param>
    /// <returns>The number of faces written.</returns>
    /// <exception cref="ArgumentException">The tensor has the wrong length or holds a NaN or infinite value.</exception>
    /// <exception cref="ObjectDisposedException">The detector has been disposed.</exception>
    int Detect(ReadOnlySpan<float> inputTensor, Span<FaceDetection> destination);
}
