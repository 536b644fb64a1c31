using BlazeFace.Imaging;
using BlazeFace.Kernels;
using BlazeFace.Models;

namespace BlazeFace;

/// <summary>The BlazeFace face detector. Create one per model configuration and reuse it for every frame.</summary>
/// <remarks>
/// <para>
/// Thread safety: every Detect overload and <see cref="DetectBatch"/> may be called from any number of threads at
/// once. The compiled model (checked graph, packed weights, anchors) is built once per model and shared read-only by
/// every detector; each concurrent call borrows a working set of its own (activation arena and result buffers, about 1.6 MB
/// for the short-range model), created the first time that many calls overlap and reused afterwards. Results never
/// depend on what other threads do, and a warmed-up call allocates nothing but its result.
/// </para>
/// <para>Disposing releases the working sets; calling Detect afterwards throws <see cref="ObjectDisposedException"/>.</para>
/// </remarks>
public sealed class FaceDetector : IFaceDetector
{
    private readonly WorkingSetPool _pool;

    /// <summary>Creates a detector.</summary>
    /// <param name="options">The configuration; null means all defaults (short-range model, MediaPipe's settings).</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the exception's ParamName is the option's name (for example "MinScore").</exception>
    public FaceDetector(FaceDetectorOptions? options = null)
        : this(options ?? new FaceDetectorOptions(), KernelSet.Default)
    {
    }

    internal FaceDetector(FaceDetectorOptions options, KernelSet kernels)
    {
        var pipeline = new DetectionPipeline(options);
        Compiled = pipeline.Model.Compile(kernels);
        _pool = new WorkingSetPool(this, pipeline, () => new ManagedNetworkRunner(Compiled.Network));
    }

    /// <inheritdoc/>
    public BlazeFaceModel Model => _pool.Pipeline.Model;

    /// <summary>The score threshold in effect (the option, or the model's default).</summary>
    public float MinScore => _pool.Pipeline.MinScore;

    /// <summary>The most faces one call returns (the option, capped at the model's anchor count).</summary>
    public int MaxFaces => _pool.Pipeline.MaxFaces;

    internal DetectionPipeline Pipeline => _pool.Pipeline;

    /// <summary>The compiled network every working set of this detector runs, shared with every detector of the model.</summary>
    internal CompiledModel Compiled { get; }

    /// <inheritdoc/>
    public IReadOnlyList<FaceDetection> Detect(ImageView image) => _pool.Detect(image);

    /// <inheritdoc/>
    public IReadOnlyList<FaceDetection> Detect(ImageBuffer image) => _pool.Detect(image.AsView(nameof(image)));

    /// <inheritdoc/>
    public int Detect(ImageView image, Span<FaceDetection> destination) => _pool.Detect(image, destination, out _);

    /// <inheritdoc/>
    public int Detect(ImageView image, Span<FaceDetection> destination, out int found) => _pool.Detect(image, destination, out found);

    /// <inheritdoc/>
    /// <remarks>Supports every option. Thread-safe like every Detect overload.</remarks>
    public IReadOnlyList<FaceDetection> Detect(ImageView image, ImageProcessingOptions options) => _pool.Detect(image, options);

    /// <inheritdoc/>
    /// <remarks>Supports every option; allocates nothing once the working set has served the same options on an image of the same size.</remarks>
    public int Detect(ImageView image, ImageProcessingOptions options, Span<FaceDetection> destination, out int found) => _pool.Detect(image, options, destination, out found);

    /// <inheritdoc/>
    public IReadOnlyList<FaceDetection> Detect(ReadOnlySpan<float> inputTensor) => _pool.Detect(inputTensor);

    /// <inheritdoc/>
    public int Detect(ReadOnlySpan<float> inputTensor, Span<FaceDetection> destination) => _pool.Detect(inputTensor, destination);

    /// <summary>
    /// Detects faces in many images using several cores: the images are spread over up to
    /// <paramref name="maxDegreeOfParallelism"/> threads, each with its own working set.
    /// </summary>
    /// <inheritdoc/>
    public IReadOnlyList<FaceDetection>[] DetectBatch(IReadOnlyList<ImageBuffer> images, int maxDegreeOfParallelism = -1)
    {
        _pool.ThrowIfDisposed();
        return BatchDetection.Run(this, images, maxDegreeOfParallelism);
    }

    /// <summary>Releases the working sets. Safe to call more than once.</summary>
    public void Dispose() => _pool.Dispose();
}
