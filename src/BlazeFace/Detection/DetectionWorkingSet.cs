using BlazeFace.Imaging;
using BlazeFace.PostProcessing;
using BlazeFace.Preprocessing;

namespace BlazeFace;

/// <summary>
/// Everything one Detect call writes to, and nothing else: the network stage's buffers (the managed activation arena,
/// or an engine's bound tensors), the resampling plan, candidate and result buffers. Built once and reused, so a
/// warmed-up call allocates nothing; a detector keeps one per concurrent caller, all over the same read-only
/// <see cref="DetectionPipeline"/>.
/// </summary>
internal sealed class DetectionWorkingSet : IDisposable
{
    private readonly DetectionPipeline _pipeline;
    private readonly INetworkRunner _network;
    private readonly ImageToTensorConverter _converter;
    private readonly FaceCandidate[] _candidates;
    private readonly FaceCandidate[] _survivors;
    private readonly FaceDetection[] _results;

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

    private ReadOnlySpan<FaceDetection> RunNetworkAndPostProcess(InputTransform transform)
    {
        _network.Run();
        int size = _pipeline.InputSize;
        var raw = new RawDetections(_network.Regressors, _network.Classificators, _pipeline.Anchors, size, size);
        int candidates = CheckedCount(_pipeline.Decoder.Decode(raw, _pipeline.MinScore, _candidates), _candidates.Length, "anchor decoder", _pipeline.Decoder);
        int count = CheckedCount(_pipeline.Suppression.Suppress(_candidates.AsSpan(0, candidates), _survivors), _survivors.Length, "non-maximum suppression", _pipeline.Suppression);
        for (int i = 0; i < count; i++)
        {
            _results[i] = transform.ToImage(_survivors[i], _pipeline.ClipToImage);
        }

        return _results.AsSpan(0, count);
    }

    /// <summary>Releases the network stage's buffers (native memory, for engines that have it).</summary>
    public void Dispose() => _network.Dispose();

    /// <summary>A pluggable stage's count, checked: a custom stage that overstates it must not read past its buffer.</summary>
    private static int CheckedCount(int count, int capacity, string stage, object implementation) =>
        count >= 0 && count <= capacity
            ? count
            : throw new InvalidOperationException($"The {stage} stage ({implementation.GetType().FullName}) returned a count of {count} for a destination of {capacity}; a stage must return how many items it wrote, between 0 and the destination's length.");
}
