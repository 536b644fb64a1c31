using Microsoft.ML.OnnxRuntime;

namespace BlazeFace.OnnxRuntime;

/// <summary>
/// Runs BlazeFace's networks on ONNX Runtime, on any execution provider you configure (CPU, CUDA, DirectML, CoreML…):
/// give it to a detector as <see cref="FaceDetectorOptions.Engine"/>, and pre- and post-processing stay the library's.
/// </summary>
/// <remarks>
/// <para>
/// Each model's network is the graph <see cref="BlazeFaceModel.ExportOnnx"/> writes, loaded into one
/// <see cref="InferenceSession"/> the first time the model is asked for and shared by every detector and thread
/// using this engine. Each <see cref="NetworkSession"/> binds its own input and output tensors to it once, so a
/// warmed-up run allocates no managed memory.
/// </para>
/// <para>
/// The engine owns its inference sessions: dispose it after the detectors that use it. Disposing while a detector
/// still holds sessions is safe: the native sessions are released when the last of them is disposed.
/// </para>
/// </remarks>
public sealed class OnnxRuntimeEngine : NetworkEngine, IDisposable
{
    private readonly SessionOptions? _sessionOptions;
    private readonly Dictionary<BlazeFaceModel, LoadedModel> _loaded = [];
    private bool _disposed;

    /// <summary>Creates an engine.</summary>
    /// <param name="sessionOptions">
    /// ONNX Runtime's session options: execution providers, threads, graph optimisation. Null means ONNX Runtime's
    /// defaults (CPU provider, all graph optimisations). They are read whenever the engine loads a model, so keep them
    /// undisposed while the engine is in use. For CUDA, for example,
    /// <c>SessionOptions.MakeSessionOptionWithCudaProvider()</c> with the Microsoft.ML.OnnxRuntime.Gpu package.
    /// </param>
    public OnnxRuntimeEngine(SessionOptions? sessionOptions = null)
    {
        _sessionOptions = sessionOptions;
    }

    /// <summary>How many models have an inference session loaded (for tests: sessions are shared and released late).</summary>
    internal int LoadedModels
    {
        get
        {
            lock (_loaded)
            {
                return _loaded.Count;
            }
        }
    }

    /// <inheritdoc/>
    public override string Description => $"ONNX Runtime {OrtEnv.Instance().GetVersionString()}";

    /// <inheritdoc/>
    /// <exception cref="ObjectDisposedException">The engine has been disposed.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime could not load the model (for example, a requested execution provider is not installed).</exception>
    public override NetworkSession CreateSession(BlazeFaceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        LoadedModel loaded;
        lock (_loaded)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_loaded.TryGetValue(model, out loaded!))
            {
                loaded = new LoadedModel(Load(model));
                _loaded.Add(model, loaded);
            }

            loaded.Sessions++;
        }

        try
        {
            return new OnnxRuntimeSession(model, loaded.Session, () => Release(model, loaded));
        }
        catch
        {
            Release(model, loaded);
            throw;
        }
    }

    /// <summary>
    /// Releases the inference sessions, each as soon as no <see cref="NetworkSession"/> of it is left. Safe to call more
    /// than once. Dispose the engine after the detectors that use it: a detector keeps the sessions it already holds,
    /// but a call that needs one more (a new concurrent caller) throws <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose()
    {
        lock (_loaded)
        {
            _disposed = true;
            foreach ((BlazeFaceModel model, LoadedModel loaded) in _loaded.ToArray())
            {
                if (loaded.Sessions == 0)
                {
                    loaded.Session.Dispose();
                    _loaded.Remove(model);
                }
            }
        }
    }

    private InferenceSession Load(BlazeFaceModel model)
    {
        using var graph = new MemoryStream();
        model.ExportOnnx(graph);
        return _sessionOptions is null ? new InferenceSession(graph.ToArray()) : new InferenceSession(graph.ToArray(), _sessionOptions);
    }

    private void Release(BlazeFaceModel model, LoadedModel loaded)
    {
        lock (_loaded)
        {
            if (--loaded.Sessions == 0 && _disposed)
            {
                loaded.Session.Dispose();
                _loaded.Remove(model);
            }
        }
    }

    /// <summary>One model's inference session and how many network sessions use it.</summary>
    private sealed class LoadedModel(InferenceSession session)
    {
        public InferenceSession Session { get; } = session;

        public int Sessions { get; set; }
    }
}
