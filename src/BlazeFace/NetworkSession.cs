namespace BlazeFace;

/// <summary>
/// One model's network on one engine, with the buffers of one call: write <see cref="Input"/>, call <see cref="Run"/>,
/// read the outputs. Detectors use one per concurrent call; for the raw network, get one from
/// <see cref="BlazeFaceModel.CreateSession"/> or <see cref="NetworkEngine.CreateSession"/>.
/// </summary>
/// <remarks>
/// A session is not thread-safe: one call at a time. The spans it hands out stay valid while it lives; every
/// <see cref="Run"/> overwrites the outputs. Disposing releases its buffers; using it afterwards throws
/// <see cref="ObjectDisposedException"/>.
/// </remarks>
public abstract class NetworkSession : IDisposable
{
    /// <summary>Starts a session of <paramref name="model"/>.</summary>
    /// <param name="model">The model the session runs.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    protected NetworkSession(BlazeFaceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
    }

    /// <summary>The model this session runs.</summary>
    public BlazeFaceModel Model { get; }

    /// <summary>
    /// Where to write the input tensor before <see cref="Run"/>: NHWC, <see cref="BlazeFaceModel.InputSize"/>² x 3
    /// values, RGB scaled to [-1, 1] (to [0, 1] for <see cref="BlazeFaceModel.FaceLandmarks"/>).
    /// </summary>
    public abstract Span<float> Input { get; }

    /// <summary>Whether <see cref="Dispose()"/> has run.</summary>
    protected bool IsDisposed { get; private set; }

    /// <summary>The last run's output <paramref name="index"/>, in the order of <see cref="BlazeFaceModel.OutputNames"/>.</summary>
    /// <param name="index">Which output: for a detector 0 for the regressors (anchors x 16 values), 1 for the score logits (one per anchor); for the face landmark model 0 for the landmarks, 1 for the presence logit.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not an output of the model.</exception>
    public abstract ReadOnlySpan<float> GetOutput(int index);

    /// <summary>Runs the network on <see cref="Input"/>.</summary>
    public abstract void Run();

    /// <summary>Releases the session's buffers. Safe to call more than once.</summary>
    public void Dispose()
    {
        if (!IsDisposed)
        {
            IsDisposed = true;
            Dispose(true);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the session holds.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }
}
