using BlazeFace.Imaging;

namespace BlazeFace;

/// <summary>
/// The body of every detector, whatever engine runs its network: working sets lent to concurrent calls (one each,
/// created the first time that many calls overlap and reused afterwards), the Detect overloads run on a borrowed
/// set, and an orderly shutdown. <see cref="FaceDetector"/> and the add-on engines' detectors are thin shells over it,
/// so they validate, pre-process, post-process and report errors identically.
/// </summary>
internal sealed class WorkingSetPool : IDisposable
{
    private readonly object _owner;
    private readonly Func<INetworkRunner> _createRunner;
    private readonly Action? _releaseEngine;
    private readonly Stack<DetectionWorkingSet> _idle = new();
    private int _busy;
    private bool _disposed;
    private bool _engineReleased;

    /// <param name="owner">The public detector, named by <see cref="ObjectDisposedException"/>.</param>
    /// <param name="pipeline">The validated options and model.</param>
    /// <param name="createRunner">Creates one working set's network stage.</param>
    /// <param name="releaseEngine">
    /// Releases what every runner shares (a native session, say) once the pool is disposed and no call still runs,
    /// so disposing while another thread is inside Detect never frees memory that call is using.
    /// </param>
    public WorkingSetPool(object owner, DetectionPipeline pipeline, Func<INetworkRunner> createRunner, Action? releaseEngine = null)
    {
        _owner = owner;
        Pipeline = pipeline;
        _createRunner = createRunner;
        _releaseEngine = releaseEngine;

        // One working set up front: most callers use a single thread.
        _idle.Push(CreateWorkingSet());
    }

    public DetectionPipeline Pipeline { get; }

    public IReadOnlyList<FaceDetection> Detect(ImageView image)
    {
        DetectionWorkingSet workingSet = Rent();
        try
        {
            return ToArray(workingSet.Run(image));
        }
        finally
        {
            Return(workingSet);
        }
    }

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

    public IReadOnlyList<FaceDetection> Detect(ImageView image, in ImageProcessingOptions options)
    {
        DetectionWorkingSet workingSet = Rent();
        try
        {
            return ToArray(workingSet.Run(image, options));
        }
        finally
        {
            Return(workingSet);
        }
    }

    public int Detect(ImageView image, in ImageProcessingOptions options, Span<FaceDetection> destination, out int found)
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

    public IReadOnlyList<FaceDetection> Detect(ReadOnlySpan<float> inputTensor)
    {
        CheckTensor(inputTensor);
        DetectionWorkingSet workingSet = Rent();
        try
        {
            return ToArray(workingSet.Run(inputTensor));
        }
        finally
        {
            Return(workingSet);
        }
    }

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

    /// <summary>Throws <see cref="ObjectDisposedException"/> naming the owner once disposed.</summary>
    public void ThrowIfDisposed()
    {
        lock (_idle)
        {
            ObjectDisposedException.ThrowIf(_disposed, _owner);
        }
    }

    /// <summary>Releases the idle working sets now, and the engine as soon as no call runs. Safe to call more than once.</summary>
    public void Dispose()
    {
        lock (_idle)
        {
            _disposed = true;
            while (_idle.TryPop(out DetectionWorkingSet? workingSet))
            {
                workingSet.Dispose();
            }

            ReleaseEngineIfIdle();
        }
    }

    private static FaceDetection[] ToArray(ReadOnlySpan<FaceDetection> results) => results.IsEmpty ? [] : results.ToArray();

    private static int CopyTo(ReadOnlySpan<FaceDetection> results, Span<FaceDetection> destination)
    {
        int count = Math.Min(results.Length, destination.Length);
        results[..count].CopyTo(destination);
        return count;
    }

    private DetectionWorkingSet CreateWorkingSet()
    {
        INetworkRunner runner = _createRunner();
        try
        {
            return new DetectionWorkingSet(Pipeline, runner);
        }
        catch
        {
            runner.Dispose();
            throw;
        }
    }

    private void CheckTensor(ReadOnlySpan<float> inputTensor)
    {
        int size = Pipeline.InputSize;
        int expected = size * size * 3;
        if (inputTensor.Length != expected)
        {
            throw new ArgumentException($"The {Pipeline.Spec.Name} model takes {expected} values ({size}x{size}x3); got {inputTensor.Length}.", nameof(inputTensor));
        }

        int bad = inputTensor.IndexOfAnyExceptInRange(float.MinValue, float.MaxValue);
        if (bad >= 0)
        {
            throw new ArgumentException($"The input tensor holds {inputTensor[bad]} at index {bad}; every value must be finite.", nameof(inputTensor));
        }
    }

    private DetectionWorkingSet Rent()
    {
        lock (_idle)
        {
            ObjectDisposedException.ThrowIf(_disposed, _owner);
            _busy++;
            if (_idle.TryPop(out DetectionWorkingSet? workingSet))
            {
                return workingSet;
            }
        }

        try
        {
            return CreateWorkingSet();
        }
        catch
        {
            Return(null);
            throw;
        }
    }

    private void Return(DetectionWorkingSet? workingSet)
    {
        lock (_idle)
        {
            _busy--;
            if (workingSet is not null)
            {
                if (_disposed)
                {
                    workingSet.Dispose();
                }
                else
                {
                    _idle.Push(workingSet);
                }
            }

            ReleaseEngineIfIdle();
        }
    }

    private void ReleaseEngineIfIdle()
    {
        if (_disposed && _busy == 0 && !_engineReleased)
        {
            _engineReleased = true;
            _releaseEngine?.Invoke();
        }
    }
}
