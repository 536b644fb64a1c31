using BlazeFace.Imaging;
using BlazeFace.PostProcessing;
using BlazeFace.Preprocessing;
using BlazeFace.Search;

namespace BlazeFace;

/// <summary>
/// Everything one Detect call writes to, and nothing else: the network stage's buffers (the managed activation arena,
/// or an engine's bound tensors), the resampling plan, candidate and result buffers. Built once and reused, so a
/// warmed-up call allocates nothing; a detector keeps one per concurrent caller, all over the same read-only
/// <see cref="DetectionPipeline"/>. Searches over several windows (tiles, orientations) add a
/// <see cref="WindowSearch"/>, created on first use.
/// </summary>
internal sealed class DetectionWorkingSet : IWindowDetector, IDisposable
{
    private readonly DetectionPipeline _pipeline;
    private readonly INetworkRunner _network;
    private readonly ImageToTensorConverter _converter;
    private readonly FaceCandidate[] _candidates;
    private readonly FaceCandidate[] _survivors;
    private readonly FaceDetection[] _results;
    private WindowSearch? _search;

    public DetectionWorkingSet(DetectionPipeline pipeline, INetworkRunner network)
    {
        _pipeline = pipeline;
        _network = network;
        _converter = new ImageToTensorConverter(pipeline.InputSize, pipeline.InputSize, pipeline.ResizeMode);
        _candidates = new FaceCandidate[pipeline.Anchors.Length];
        _survivors = new FaceCandidate[pipeline.MaxFaces];
        _results = new FaceDetection[pipeline.MaxFaces];
    }

    /// <summary>Runs the whole pipeline on an image; the results stay valid until the next call.</summary>
    public ReadOnlySpan<FaceDetection> Run(ImageView image)
    {
        InputTransform transform = _converter.Convert(image, _network.Input);
        return RunNetworkAndPostProcess(transform);
    }

    /// <summary>Runs on a prepared tensor; coordinates come back in the tensor's pixels.</summary>
    public ReadOnlySpan<FaceDetection> Run(ReadOnlySpan<float> inputTensor)
    {
        inputTensor.CopyTo(_network.Input);
        int size = _pipeline.InputSize;
        return RunNetworkAndPostProcess(InputTransform.Create(size, size, size, size, ResizeMode.Stretch));
    }

    /// <summary>
    /// Runs on a region of an image, turned, or over several windows (tiles, orientations); the results stay valid
    /// until the next call. Default options give exactly what <see cref="Run(ImageView)"/> gives.
    /// </summary>
    /// <exception cref="ArgumentException">The image is a default view, or the region of interest does not fit it.</exception>
    public ReadOnlySpan<FaceDetection> Run(ImageView image, in ImageProcessingOptions options)
    {
        if (image.Width == 0)
        {
            throw new ArgumentException("The image view is uninitialised (default).", nameof(image));
        }

        ImageRegion region = options.RegionIn(image.Width, image.Height);
        if (!options.IsSingleWindow)
        {
            _search ??= new WindowSearch(_pipeline);
            return _search.Run(image, region, options, this);
        }

        int size = _pipeline.InputSize;
        var transform = InputTransform.Create(image.Width, image.Height, size, size, _pipeline.ResizeMode, region, options.RotationDegrees);
        _converter.Convert(image, transform, _network.Input);
        return RunNetworkAndPostProcess(transform);
    }

    /// <inheritdoc/>
    public ReadOnlySpan<FaceCandidate> DetectWindow(ImageView image, in InputTransform transform)
    {
        _converter.Convert(image, transform, _network.Input);
        return RunNetworkAndSuppress();
    }

    /// <summary>Releases the network stage's buffers (native memory, for engines that have it).</summary>
    public void Dispose() => _network.Dispose();

    /// <summary>A pluggable stage's count, checked: a custom stage that overstates it must not read past its buffer.</summary>
    internal static int CheckedCount(int count, int capacity, string stage, object implementation) =>
        count >= 0 && count <= capacity
            ? count
            : throw new InvalidOperationException($"The {stage} stage ({implementation.GetType().FullName}) returned a count of {count} for a destination of {capacity}; a stage must return how many items it wrote, between 0 and the destination's length.");

    private ReadOnlySpan<FaceDetection> RunNetworkAndPostProcess(InputTransform transform)
    {
        ReadOnlySpan<FaceCandidate> survivors = RunNetworkAndSuppress();
        for (int i = 0; i < survivors.Length; i++)
        {
            _results[i] = transform.ToImage(survivors[i], _pipeline.ClipToImage);
        }

        return _results.AsSpan(0, survivors.Length);
    }

    private ReadOnlySpan<FaceCandidate> RunNetworkAndSuppress()
    {
        _network.Run();
        int size = _pipeline.InputSize;
        var raw = new RawDetections(_network.Regressors, _network.Classificators, _pipeline.Anchors, size, size);
        int candidates = CheckedCount(_pipeline.Decoder.Decode(raw, _pipeline.MinScore, _candidates), _candidates.Length, "anchor decoder", _pipeline.Decoder);
        int count = CheckedCount(_pipeline.Suppression.Suppress(_candidates.AsSpan(0, candidates), _survivors), _survivors.Length, "non-maximum suppression", _pipeline.Suppression);
        return _survivors.AsSpan(0, count);
    }
}
