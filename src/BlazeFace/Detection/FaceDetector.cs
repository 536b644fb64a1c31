using BlazeFace.Imaging;
using BlazeFace.Kernels;

namespace BlazeFace;

/// <summary>The BlazeFace face detector. Create one per model configuration and reuse it for every frame.</summary>
/// <remarks>
/// <para>
/// Thread safety: every Detect overload and <see cref="DetectBatch"/> may be called from any number of threads at
/// once. The compiled model (checked graph, packed weights, anchors) is built once per model and shared read-only by
/// every detector; each concurrent call borrows a working set of its own (activation arena and result buffers, 0.4 MB
/// for the short-range model), created the first time that many calls overlap and reused afterwards. Results never
/// depend on what other threads do, and a warmed-up call allocates nothing but its result.
/// </para>
/// <para>Disposing releases the working sets; calling Detect afterwards throws <see cref="ObjectDisposedException"/>.</para>
/// </remarks>
public sealed class FaceDetector : IFaceDetector
{
    private readonly DetectionPipeline _pipeline;
    private readonly Stack<DetectionWorkingSet> _idle = new();
    private volatile bool _disposed;

    /// <summary>Creates a detector.</summary>
    /// <param name="options">The configuration; null means all defaults (short-range model, MediaPipe's settings).</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the exception's ParamName is the option's name (for example "MinScore").</exception>
    public FaceDetector(FaceDetectorOptions? options = null)
        : this(options ?? new FaceDetectorOptions(), KernelSet.Default)
    {
    }

    internal FaceDetector(FaceDetectorOptions options, KernelSet kernels)
    {
        _pipeline = new DetectionPipeline(options, kernels);

        // One working set up front: most callers use a single thread.
        _idle.Push(new DetectionWorkingSet(_pipeline));
    }

    /// <inheritdoc/>
    public BlazeFaceModel Model => _pipeline.Model;

    /// <summary>The score threshold in effect (the option, or the model's default).</summary>
    public float MinScore => _pipeline.MinScore;

    /// <summary>The most faces one call returns (the option, capped at the model's anchor count).</summary>
    public int MaxFaces => _pipeline.MaxFaces;

    internal DetectionPipeline Pipeline => _pipeline;

    /// <inheritdoc/>
    public IReadOnlyList<FaceDetection> Detect(ImageView image)
    {
        DetectionWorkingSet workingSet = Rent();
        try
        {
            return ToList(workingSet.Run(image));
        }
        finally
        {
            Return(workingSet);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<FaceDetection> Detect(ImageBuffer image) => Detect(image.AsView());

    /// <inheritdoc/>
    public int Detect(ImageView image, Span<FaceDetection> destination) => Detect(image, destination, out _);

    /// <inheritdoc/>
    public int Detect(ImageView image, Span<FaceDetection> destination, out int found)
    {
        DetectionWorkingSet workingSet = Rent();
        try
        {
            ReadOnlySpan<FaceDetection> results = workingSet.Run(image);
            found = results.Length;
            return CopyTo(results, destination);
        }
        finally
        {
            Return(workingSet);
        }
    }

    /// <inheritdoc/>
    /// <remarks>Supports every option. Thread-safe like every Detect overload.</remarks>
    public IReadOnlyList<FaceDetection> Detect(ImageView image, ImageProcessingOptions options)
    {
        DetectionWorkingSet workingSet = Rent();
        try
        {
            return ToList(workingSet.Run(image, options));
        }
        finally
        {
            Return(workingSet);
        }
    }

    /// <inheritdoc/>
    /// <remarks>Supports every option; allocates nothing once the working set has served the same options on an image of the same size.</remarks>
    public int Detect(ImageView image, ImageProcessingOptions options, Span<FaceDetection> destination, out int found)
    {
        DetectionWorkingSet workingSet = Rent();
        try
        {
            ReadOnlySpan<FaceDetection> results = workingSet.Run(image, options);
            found = results.Length;
            return CopyTo(results, destination);
        }
        finally
        {
            Return(workingSet);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<FaceDetection> Detect(ReadOnlySpan<float> inputTensor)
    {
        CheckTensor(inputTensor);
        DetectionWorkingSet workingSet = Rent();
        try
        {
            return ToList(workingSet.Run(inputTensor));
        }
        finally
        {
            Return(workingSet);
        }
    }

    /// <inheritdoc/>
    public int Detect(ReadOnlySpan<float> inputTensor, Span<FaceDetection> destination)
    {
        CheckTensor(inputTensor);
        DetectionWorkingSet workingSet = Rent();
        try
        {
            return CopyTo(workingSet.Run(inputTensor), destination);
        }
        finally
        {
            Return(workingSet);
        }
    }

    /// <summary>
    /// Detects faces in many images using several cores: the images are spread over up to
    /// <paramref name="maxDegreeOfParallelism"/> threads, each with its own working set.
    /// </summary>
    /// <inheritdoc/>
    public IReadOnlyList<FaceDetection>[] DetectBatch(IReadOnlyList<ImageBuffer> images, int maxDegreeOfParallelism = -1)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return BatchDetection.Run(this, images, maxDegreeOfParallelism);
    }

    /// <summary>Releases the working sets. Safe to call more than once.</summary>
    public void Dispose()
    {
        _disposed = true;
        lock (_idle)
        {
            _idle.Clear();
        }
    }

    private static FaceDetection[] ToList(ReadOnlySpan<FaceDetection> results) => results.IsEmpty ? [] : results.ToArray();

    private static int CopyTo(ReadOnlySpan<FaceDetection> results, Span<FaceDetection> destination)
    {
        int count = Math.Min(results.Length, destination.Length);
        results[..count].CopyTo(destination);
        return count;
    }

    private void CheckTensor(ReadOnlySpan<float> inputTensor)
    {
        int size = _pipeline.InputSize;
        int expected = size * size * 3;
        if (inputTensor.Length != expected)
        {
            throw new ArgumentException($"The {_pipeline.Compiled.Spec.Name} model takes {expected} values ({size}x{size}x3); got {inputTensor.Length}.", nameof(inputTensor));
        }

        int bad = inputTensor.IndexOfAnyExceptInRange(float.MinValue, float.MaxValue);
        if (bad >= 0)
        {
            throw new ArgumentException($"The input tensor holds {inputTensor[bad]} at index {bad}; every value must be finite.", nameof(inputTensor));
        }
    }

    private DetectionWorkingSet Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_idle)
        {
            if (_idle.TryPop(out DetectionWorkingSet? workingSet))
            {
                return workingSet;
            }
        }

        return new DetectionWorkingSet(_pipeline);
    }

    private void Return(DetectionWorkingSet workingSet)
    {
        if (_disposed)
        {
            return;
        }

        lock (_idle)
        {
            _idle.Push(workingSet);
        }
    }
}
