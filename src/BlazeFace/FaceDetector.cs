using BlazeFace.Detection;
using BlazeFace.Imaging;

namespace BlazeFace;

/// <summary>The BlazeFace face detector. Create one per configuration and reuse it for every image and frame.</summary>
/// <remarks>
/// <para>
/// Every image goes in the same two ways: <see cref="Detect(ImageView, ImageProcessingOptions)"/> returns a new list,
/// <see cref="Detect(ImageView, Span{FaceDetection}, out int, ImageProcessingOptions)"/> writes into your span and
/// allocates nothing once warm. Both take optional <see cref="ImageProcessingOptions"/> (region of interest, rotation,
/// automatic orientation, tiling); results are always in the image's own pixels, best first. An
/// <see cref="ImageBuffer"/> converts to an <see cref="ImageView"/> implicitly.
/// </para>
/// <para>
/// Thread safety: every method may be called from any number of threads at once. The compiled model (checked graph,
/// packed weights, anchors) is built once per model and shared read-only by every detector; each concurrent call
/// borrows a working set of its own (the engine's session and result buffers, about 1.6 MB for the short-range
/// model on the managed engine), created the first time that many calls overlap and reused afterwards. Results never
/// depend on what other threads do.
/// </para>
/// <para>Disposing releases the working sets; calling Detect afterwards throws <see cref="ObjectDisposedException"/>.</para>
/// </remarks>
public sealed class FaceDetector : IDisposable
{
    private readonly DetectorSettings _settings;
    private readonly WorkingSetPool<DetectionWorkingSet> _pool;

    /// <summary>Creates a detector.</summary>
    /// <param name="options">The configuration; null means all defaults (short-range model, MediaPipe's settings, the managed engine).</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the exception's ParamName is the option's name (for example "MinScore").</exception>
    /// <exception cref="ArgumentException"><see cref="FaceDetectorOptions.Model"/> is not a face detector.</exception>
    /// <exception cref="InvalidOperationException">The engine made a session whose buffers do not fit the model.</exception>
    public FaceDetector(FaceDetectorOptions? options = null)
        : this(options, defaultEngine: null)
    {
    }

    /// <summary>Creates a detector whose engine, when the options name none, is <paramref name="defaultEngine"/> (a face landmarker's).</summary>
    internal FaceDetector(FaceDetectorOptions? options, NetworkEngine? defaultEngine)
    {
        _settings = new DetectorSettings(options ?? new FaceDetectorOptions(), defaultEngine);
        _pool = new WorkingSetPool<DetectionWorkingSet>(this, () => new DetectionWorkingSet(_settings, _settings.Engine.CreateSession(_settings.Model)));
    }

    /// <summary>The model this detector runs.</summary>
    public BlazeFaceModel Model => _settings.Model;

    /// <summary>What runs the network: the option, or <see cref="NetworkEngine.Managed"/>.</summary>
    public NetworkEngine Engine => _settings.Engine;

    /// <summary>The score threshold in effect (the option, or the model's default).</summary>
    public float MinScore => _settings.MinScore;

    /// <summary>The most faces one call returns (the option, capped at the model's anchor count).</summary>
    public int MaxFaces => _settings.MaxFaces;

    /// <summary>The validated options every working set shares.</summary>
    internal DetectorSettings Settings => _settings;

    /// <summary>Detects faces in an image.</summary>
    /// <param name="image">The pixels to search.</param>
    /// <param name="options">Region of interest, rotation, automatic orientation and tiling; the default searches the whole image as it is.</param>
    /// <returns>The faces found, best first, in the image's pixel coordinates; empty when there are none.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="image"/> is a default view (ParamName "image"), or the region of interest is empty or reaches
    /// outside the image (an <see cref="ArgumentOutOfRangeException"/> whose ParamName is "RegionOfInterest").
    /// </exception>
    /// <exception cref="ObjectDisposedException">The detector has been disposed.</exception>
    public IReadOnlyList<FaceDetection> Detect(ImageView image, ImageProcessingOptions options = default)
    {
        DetectionWorkingSet workingSet = _pool.Rent();
        try
        {
            ReadOnlySpan<FaceDetection> results = workingSet.Run(image, options);
            return results.IsEmpty ? [] : results.ToArray();
        }
        finally
        {
            _pool.Return(workingSet);
        }
    }

    /// <summary>Detects faces in an image without allocating once warm: results go into <paramref name="destination"/>.</summary>
    /// <param name="image">The pixels to search.</param>
    /// <param name="destination">Receives the best <c>destination.Length</c> faces at most, best first.</param>
    /// <param name="found">
    /// How many faces were found; more than the return value when <paramref name="destination"/> was too short (the
    /// weakest ones were left out). Never more than <see cref="MaxFaces"/>.
    /// </param>
    /// <param name="options">As for <see cref="Detect(ImageView, ImageProcessingOptions)"/>.</param>
    /// <returns>The number of faces written: the smaller of <paramref name="found"/> and <c>destination.Length</c>.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Detect(ImageView, ImageProcessingOptions)"/>.</exception>
    /// <exception cref="ObjectDisposedException">The detector has been disposed.</exception>
    /// <remarks>
    /// Allocates nothing once this thread's working set has served the same options on an image of the same size
    /// (the first call of a new size or search plans its sampling).
    /// </remarks>
    public int Detect(ImageView image, Span<FaceDetection> destination, out int found, ImageProcessingOptions options = default)
    {
        DetectionWorkingSet workingSet = _pool.Rent();
        try
        {
            ReadOnlySpan<FaceDetection> results = workingSet.Run(image, options);
            found = results.Length;
            int count = Math.Min(results.Length, destination.Length);
            results[..count].CopyTo(destination);
            return count;
        }
        finally
        {
            _pool.Return(workingSet);
        }
    }

    /// <summary>
    /// Detects faces in many images using several cores: the images are spread over up to
    /// <paramref name="maxDegreeOfParallelism"/> threads, each with its own working set.
    /// </summary>
    /// <param name="images">The images; results come back in the same order.</param>
    /// <param name="maxDegreeOfParallelism">Most threads to use; -1 (the default) means one per core.</param>
    /// <returns>One result list per image, each what <see cref="Detect(ImageView, ImageProcessingOptions)"/> returns for it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="images"/> is null.</exception>
    /// <exception cref="ArgumentException">An image is a default <see cref="ImageBuffer"/> with no pixels; the message gives its index.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    /// <exception cref="ObjectDisposedException">The detector has been disposed.</exception>
    /// <remarks>An exception thrown while detecting is rethrown as it is, not wrapped in an <see cref="AggregateException"/>.</remarks>
    public IReadOnlyList<FaceDetection>[] DetectBatch(IReadOnlyList<ImageBuffer> images, int maxDegreeOfParallelism = -1)
    {
        _pool.ThrowIfDisposed();
        return BatchDetection.Run(this, images, maxDegreeOfParallelism);
    }

    /// <summary>Releases the working sets (the engine's sessions). Safe to call more than once.</summary>
    public void Dispose() => _pool.Dispose();
}
