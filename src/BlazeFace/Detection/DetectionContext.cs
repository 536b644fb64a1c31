using BlazeFace.Imaging;
using BlazeFace.Kernels;
using BlazeFace.Network;
using BlazeFace.PostProcessing;
using BlazeFace.Preprocessing;

namespace BlazeFace;

/// <summary>
/// Everything one Detect call writes to: the network's activations, the resampling plan, candidate and result
/// buffers. Built once and reused, so a warmed-up call allocates nothing; a detector keeps one per concurrent caller.
/// </summary>
internal sealed class DetectionContext
{
    private readonly DetectionPipeline _pipeline;
    private readonly BlazeFaceNetwork _network;
    private readonly ImageToTensorConverter _converter;
    private readonly FaceDetection[] _candidates;
    private readonly FaceDetection[] _results;

    public DetectionContext(DetectionPipeline pipeline, KernelSet kernels)
    {
        _pipeline = pipeline;
        _network = pipeline.Model.CreateNetwork(kernels);
        if (_network.AnchorCount != pipeline.Anchors.Length)
        {
            throw new InvalidDataException($"The network has {_network.AnchorCount} outputs per frame but the anchor layout has {pipeline.Anchors.Length}.");
        }

        _converter = new ImageToTensorConverter(pipeline.InputSize, pipeline.InputSize, pipeline.ResizeMode);
        _candidates = new FaceDetection[_network.AnchorCount];
        _results = new FaceDetection[pipeline.MaxFaces];
    }

    /// <summary>Runs the whole pipeline on an image; the results stay valid until the next call.</summary>
    public ReadOnlySpan<FaceDetection> Run(ImageView image)
    {
        InputTransform transform = _converter.Convert(image, _network.InputTensor);
        return RunNetworkAndPostProcess(transform);
    }

    /// <summary>Runs on a prepared tensor; coordinates come back in the tensor's pixels.</summary>
    public ReadOnlySpan<FaceDetection> Run(ReadOnlySpan<float> inputTensor)
    {
        inputTensor.CopyTo(_network.InputTensor);
        int size = _pipeline.InputSize;
        return RunNetworkAndPostProcess(InputTransform.Create(size, size, size, size, ResizeMode.Stretch));
    }

    private ReadOnlySpan<FaceDetection> RunNetworkAndPostProcess(InputTransform transform)
    {
        _network.Run();
        var raw = new RawDetections(_network.Regressors.Output.Span, _network.Classificators.Output.Span, _pipeline.Anchors, _pipeline.InputSize, _pipeline.InputSize);
        int candidates = _pipeline.Decoder.Decode(raw, _pipeline.MinScore, _candidates);
        int count = _pipeline.Suppression.Suppress(_candidates.AsSpan(0, candidates), _results);
        for (int i = 0; i < count; i++)
        {
            _results[i] = transform.ToImage(_results[i], _pipeline.ClipToImage);
        }

        return _results.AsSpan(0, count);
    }
}
