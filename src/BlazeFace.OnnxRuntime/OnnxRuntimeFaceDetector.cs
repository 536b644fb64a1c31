using BlazeFace.Imaging;
using Microsoft.ML.OnnxRuntime;

namespace BlazeFace.OnnxRuntime;

/// <summary>
/// A face detector that runs the BlazeFace network on ONNX Runtime, on any execution provider you configure (CPU,
/// CUDA, DirectML, CoreML…), with exactly the pre- and post-processing of <see cref="FaceDetector"/>: same options,
/// same letterboxing, decoding, suppression and projection, same results within float rounding.
/// </summary>
/// <remarks>
/// <para>
/// The network is the one <see cref="BlazeFaceModel.ExportOnnx"/> writes, loaded into one <see cref="InferenceSession"/>
/// per detector. Switching engines is one line:
/// <code>
/// IFaceDetector detector = new OnnxRuntimeFaceDetector(options);   // instead of new FaceDetector(options)
/// </code>
/// </para>
/// <para>
/// Thread safety: every Detect overload and <see cref="DetectBatch"/> may be called from any number of threads at
/// once. The session is shared (ONNX Runtime runs one session from many threads); each concurrent call borrows a
/// working set of its own (input and output tensors bound to the session once, pre-processing and result buffers),
/// so a warmed-up call allocates no managed memory but its result. How many threads ONNX Runtime itself uses per
/// call is set by <see cref="SessionOptions.IntraOpNumThreads"/>.
/// </para>
/// <para>
/// Disposing releases the working sets and, once no call is still running, the session; calling Detect afterwards
/// throws <see cref="ObjectDisposedException"/>.
/// </para>
/// </remarks>
public sealed class OnnxRuntimeFaceDetector : IFaceDetector
{
    private readonly InferenceSession _session;
    private readonly WorkingSetPool _pool;

    /// <summary>Creates a detector on ONNX Runtime.</summary>
    /// <param name="options">The detector's configuration, as for <see cref="FaceDetector"/>; null means all defaults (short-range model, MediaPipe's settings).</param>
    /// <param name="sessionOptions">
    /// ONNX Runtime's session options: execution providers, threads, graph optimisation. Null means ONNX Runtime's
    /// defaults (CPU provider, all graph optimisations). Read only while the detector is created: the caller keeps
    /// ownership and may dispose them afterwards. For CUDA, for example,
    /// <c>SessionOptions.MakeSessionOptionWithCudaProvider()</c> with the Microsoft.ML.OnnxRuntime.Gpu package.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the exception's ParamName is the option's name (for example "MinScore").</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime could not create the session (for example, a requested execution provider is not installed).</exception>
    public OnnxRuntimeFaceDetector(FaceDetectorOptions? options = null, SessionOptions? sessionOptions = null)
    {
        var pipeline = new DetectionPipeline(options ?? new FaceDetectorOptions());
        BlazeFaceModel model = pipeline.Model;
        _session = CreateSession(model, sessionOptions);
        try
        {
            _pool = new WorkingSetPool(this, pipeline, () => new OnnxRuntimeNetworkRunner(_session, model), _session.Dispose);
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public BlazeFaceModel Model => _pool.Pipeline.Model;

    /// <summary>The score threshold in effect (the option, or the model's default).</summary>
    public float MinScore => _pool.Pipeline.MinScore;

    /// <summary>The most faces one call returns (the option, capped at the model's anchor count).</summary>
    public int MaxFaces => _pool.Pipeline.MaxFaces;

    /// <inheritdoc/>
    public IReadOnlyList<FaceDetection> Detect(ImageView image) => _pool.Detect(image);

    /// <inheritdoc/>
    public IReadOnlyList<FaceDetection> Detect(ImageBuffer image) => _pool.Detect(image.AsView());

    /// <inheritdoc/>
    public int Detect(ImageView image, Span<FaceDetection> destination) => _pool.Detect(image, destination, out _);

    /// <inheritdoc/>
    public int Detect(ImageView image, Span<FaceDetection> destination, out int found) => _pool.Detect(image, destination, out found);

    /// <inheritdoc/>
    /// <remarks>Supports every option, with the same pre- and post-processing as <see cref="FaceDetector"/>.</remarks>
    public IReadOnlyList<FaceDetection> Detect(ImageView image, ImageProcessingOptions options) => _pool.Detect(image, options);

    /// <inheritdoc/>
    /// <remarks>Supports every option, with the same pre- and post-processing as <see cref="FaceDetector"/>.</remarks>
    public int Detect(ImageView image, ImageProcessingOptions options, Span<FaceDetection> destination, out int found) => _pool.Detect(image, options, destination, out found);

    /// <inheritdoc/>
    public IReadOnlyList<FaceDetection> Detect(ReadOnlySpan<float> inputTensor) => _pool.Detect(inputTensor);

    /// <inheritdoc/>
    public int Detect(ReadOnlySpan<float> inputTensor, Span<FaceDetection> destination) => _pool.Detect(inputTensor, destination);

    /// <summary>
    /// Detects faces in many images on several threads, each with its own working set over the shared session. With
    /// a GPU provider one thread usually keeps the device busy; with the CPU provider, set
    /// <see cref="SessionOptions.IntraOpNumThreads"/> to 1 and let this spread the images instead.
    /// </summary>
    /// <inheritdoc/>
    public IReadOnlyList<FaceDetection>[] DetectBatch(IReadOnlyList<ImageBuffer> images, int maxDegreeOfParallelism = -1)
    {
        _pool.ThrowIfDisposed();
        return BatchDetection.Run(this, images, maxDegreeOfParallelism);
    }

    /// <summary>Releases the working sets, and the session once no call is running. Safe to call more than once.</summary>
    public void Dispose() => _pool.Dispose();

    private static InferenceSession CreateSession(BlazeFaceModel model, SessionOptions? sessionOptions)
    {
        using var graph = new MemoryStream();
        model.ExportOnnx(graph);
        return sessionOptions is null ? new InferenceSession(graph.ToArray()) : new InferenceSession(graph.ToArray(), sessionOptions);
    }
}
