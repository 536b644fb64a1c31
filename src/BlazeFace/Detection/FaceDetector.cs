using BlazeFace.Imaging;
using BlazeFace.Kernels;

namespace BlazeFace;

/// <summary>The BlazeFace face detector. Create one per model configuration and reuse it for every frame.</summary>
/// <remarks>
/// <para>
/// Thread safety: <see cref="Detect(ImageView)"/> and its overloads may be called from any number of threads at
/// once. Each concurrent call borrows its own working set (network activations and buffers, about 2 MB for the
/// short-range model), created the first time that many calls overlap and reused afterwards, so results never depend
/// on what other threads do, and a warmed-up call allocates nothing but its result.
/// </para>
/// <para>Disposing releases the working sets; calling Detect afterwards throws <see cref="ObjectDisposedException"/>.</para>
/// </remarks>
public sealed class FaceDetector : IFaceDetector
{
    private readonly DetectionPipeline _pipeline;
    private readonly KernelSet _kernels;
    private readonly Stack<DetectionContext> _idle = new();
    private volatile bool _disposed;

    /// <summary>Creates a detector.</summary>
    /// <param name="options">The configuration; null means all defaults (short-range model, MediaPipe's settings).</param>
    /// <exception cref="ArgumentException">An option is out of range; the exception's ParamName names it.</exception>
    public FaceDetector(FaceDetectorOptions? options = null)
        : this(options ?? new FaceDetectorOptions(), KernelSet.Default)
    {
    }

    internal FaceDetector(FaceDetectorOptions options, KernelSet kernels)
    {
        _pipeline = new DetectionPipeline(options);
        _kernels = kernels;

        // One working set up front: most callers use a single thread, and a broken model fails here, not mid-stream.
        _idle.Push(new DetectionContext(_pipeline, kernels));
    }

    /// <inheritdoc/>
    public BlazeFaceModel Model => _pipeline.Model;

    /// <summary>The score threshold in effect (the option, or the model's default).</summary>
    public float MinScore => _pipeline.MinScore;

    /// <inheritdoc/>
    public IReadOnlyList<FaceDetection> Detect(ImageView image)
    {
        DetectionContext context = Rent();
        try
        {
            return ToList(context.Run(image));
        }
        finally
        {
            Return(context);
        }
    }

    /// <inheritdoc/>
    public int Detect(ImageView image, Span<FaceDetection> destination)
    {
        DetectionContext context = Rent();
        try
        {
            return CopyTo(context.Run(image), destination);
        }
        finally
        {
            Return(context);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<FaceDetection> Detect(ReadOnlySpan<float> inputTensor)
    {
        CheckTensor(inputTensor);
        DetectionContext context = Rent();
        try
        {
            return ToList(context.Run(inputTensor));
        }
        finally
        {
            Return(context);
        }
    }

    /// <inheritdoc/>
    public int Detect(ReadOnlySpan<float> inputTensor, Span<FaceDetection> destination)
    {
        CheckTensor(inputTensor);
        DetectionContext context = Rent();
        try
        {
            return CopyTo(context.Run(inputTensor), destination);
        }
        finally
        {
            Return(context);
        }
    }

    /// <summary>
    /// Detects faces in many images using several cores: the images are spread over up to
    /// <paramref name="maxDegreeOfParallelism"/> threads, each with its own working set.
    /// </summary>
    /// <param name="images">The images; results come back in the same order.</param>
    /// <param name="maxDegreeOfParallelism">Most threads to use; -1 (the default) means one per core.</param>
    /// <returns>One result list per image, each exactly what <see cref="Detect(ImageView)"/> returns for it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="images"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    /// <exception cref="ObjectDisposedException">The detector has been disposed.</exception>
    public IReadOnlyList<FaceDetection>[] DetectBatch(IReadOnlyList<ImageBuffer> images, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use -1 for one thread per core, or a positive count.");
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        var results = new IReadOnlyList<FaceDetection>[images.Count];
        Parallel.For(0, images.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, i => results[i] = Detect(images[i].AsView()));
        return results;
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
        int expected = _pipeline.InputSize * _pipeline.InputSize * 3;
        if (inputTensor.Length != expected)
        {
            throw new ArgumentException($"The {_pipeline.Model.Kind} model takes {expected} values ({_pipeline.InputSize}x{_pipeline.InputSize}x3); got {inputTensor.Length}.", nameof(inputTensor));
        }

        int bad = inputTensor.IndexOfAnyExceptInRange(float.MinValue, float.MaxValue);
        if (bad >= 0)
        {
            throw new ArgumentException($"The input tensor holds {inputTensor[bad]} at index {bad}; every value must be finite.", nameof(inputTensor));
        }
    }

    private DetectionContext Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_idle)
        {
            if (_idle.TryPop(out DetectionContext? context))
            {
                return context;
            }
        }

        return new DetectionContext(_pipeline, _kernels);
    }

    private void Return(DetectionContext context)
    {
        if (_disposed)
        {
            return;
        }

        lock (_idle)
        {
            _idle.Push(context);
        }
    }
}
