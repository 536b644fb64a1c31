using BlazeFace.Imaging;
using BlazeFace.Network;
using BlazeFace.PostProcessing;
using BlazeFace.Preprocessing;

namespace BlazeFace;

/// <summary>
/// Everything one Detect call writes to, and nothing else: the network's activation arena, the resampling plan,
/// candidate and result buffers. Built once and reused, so a warmed-up call allocates nothing; a detector keeps one
/// per concurrent caller, all over the same read-only <see cref="DetectionPipeline"/>.
/// </summary>
internal sealed class DetectionWorkingSet
{
    private readonly DetectionPipeline _pipeline;
    private readonly NetworkActivations _activations;
    private readonly ImageToTensorConverter _converter;
    private readonly FaceCandidate[] _candidates;
    private readonly FaceCandidate[] _survivors;
    private readonly FaceDetection[] _results;

    public DetectionWorkingSet(DetectionPipeline pipeline)
    {
        _pipeline = pipeline;
        _activations = pipeline.Compiled.Network.CreateActivations();
        _converter = new ImageToTensorConverter(pipeline.InputSize, pipeline.InputSize, pipeline.ResizeMode);
        _candidates = new FaceCandidate[pipeline.Compiled.Anchors.Length];
        _survivors = new FaceCandidate[pipeline.MaxFaces];
        _results = new FaceDetection[pipeline.MaxFaces];
    }

    /// <summary>Runs the whole pipeline on an image; the results stay valid until the next call.</summary>
    public ReadOnlySpan<FaceDetection> Run(ImageView image)
    {
        InputTransform transform = _converter.Convert(image, _activations.Input);
        return RunNetworkAndPostProcess(transform);
    }

    /// <summary>Runs on a prepared tensor; coordinates come back in the tensor's pixels.</summary>
    public ReadOnlySpan<FaceDetection> Run(ReadOnlySpan<float> inputTensor)
    {
        inputTensor.CopyTo(_activations.Input);
        int size = _pipeline.InputSize;
        return RunNetworkAndPostProcess(InputTransform.Create(size, size, size, size, ResizeMode.Stretch));
    }

    private ReadOnlySpan<FaceDetection> RunNetworkAndPostProcess(InputTransform transform)
    {
        _pipeline.Compiled.Network.Run(_activations);
        int size = _pipeline.InputSize;
        var raw = new RawDetections(_activations.Regressors, _activations.Classificators, _pipeline.Compiled.Anchors, size, size);
        int candidates = CheckedCount(_pipeline.Decoder.Decode(raw, _pipeline.MinScore, _candidates), _candidates.Length, "anchor decoder", _pipeline.Decoder);
        int count = CheckedCount(_pipeline.Suppression.Suppress(_candidates.AsSpan(0, candidates), _survivors), _survivors.Length, "non-maximum suppression", _pipeline.Suppression);
        for (int i = 0; i < count; i++)
        {
            _results[i] = transform.ToImage(_survivors[i], _pipeline.ClipToImage);
        }

        return _results.AsSpan(0, count);
    }

    /// <summary>A pluggable stage's count, checked: a custom stage that overstates it must not read past its buffer.</summary>
    private static int CheckedCount(int count, int capacity, string stage, object implementation) =>
        count >= 0 && count <= capacity
            ? count
            : throw new InvalidOperationException($"The {stage} stage ({implementation.GetType().FullName}) returned a count of {count} for a destination of {capacity}; a stage must return how many items it wrote, between 0 and the destination's length.");
}
