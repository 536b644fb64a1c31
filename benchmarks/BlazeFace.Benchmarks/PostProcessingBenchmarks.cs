using BenchmarkDotNet.Attributes;
using BlazeFace.Network;
using BlazeFace.PostProcessing;
using BlazeFace.PostProcessing.Decoding;
using BlazeFace.PostProcessing.Suppression;
using BlazeFace.Tests.Support;

namespace BlazeFace.Benchmarks;

/// <summary>
/// Post-processing alone, on the network's real outputs for the frame (computed once in setup): decoding the
/// anchors, and decoding followed by weighted (the default) or hard non-maximum suppression.
/// </summary>
/// <remarks>
/// Suppression may reorder its candidates, so each suppression benchmark decodes first; subtract
/// <see cref="Decode"/> to see suppression alone.
/// </remarks>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class PostProcessingBenchmarks
{
    private readonly BlazeFaceAnchorDecoder _decoder = new();
    private WeightedNonMaxSuppression _weighted = null!;
    private HardNonMaxSuppression _hard = null!;
    private float[] _regressors = [];
    private float[] _scoreLogits = [];
    private Anchor[] _anchors = [];
    private FaceCandidate[] _candidates = [];
    private FaceCandidate[] _results = [];
    private int _inputSize;
    private float _minScore;

    /// <summary>The bundled model whose outputs are decoded.</summary>
    [Params(BundledModel.ShortRange, BundledModel.FullRange, BundledModel.BackCamera)]
    public BundledModel Model { get; set; }

    /// <summary>Runs the network once on the frame and keeps its outputs, the anchors and the detector's default settings.</summary>
    [GlobalSetup]
    public void Setup()
    {
        BlazeFaceModel model = Model.Load();
        using (NetworkSession session = model.CreateSession())
        {
            SessionInput.Fill(session, BenchmarkFrame.View(BenchmarkFrame.Pixels));
            session.Run();
            _regressors = session.GetOutput(0).ToArray();
            _scoreLogits = session.GetOutput(1).ToArray();
        }

        _anchors = model.Anchors.ToArray();
        _minScore = model.DefaultMinScore;
        _weighted = new WeightedNonMaxSuppression(model.DefaultIouThreshold);
        _hard = new HardNonMaxSuppression(model.DefaultIouThreshold);
        _inputSize = model.InputSize;
        _candidates = new FaceCandidate[_anchors.Length];
        _results = new FaceCandidate[new FaceDetectorOptions().MaxFaces];

        int candidates = Decode();
        int weighted = DecodeAndWeightedSuppression();
        int hard = DecodeAndHardSuppression();
        Console.WriteLine($"// {Model}: {_anchors.Length} anchors, {candidates} candidates at score >= {_minScore}, {weighted} face(s) after weighted NMS, {hard} after hard NMS");
        if (weighted == 0)
        {
            throw new InvalidOperationException("The benchmark frame should contain a face; post-processing would measure nothing.");
        }
    }

    /// <summary>Anchor decoding: score test on every anchor, box and keypoints for the survivors.</summary>
    [Benchmark]
    public int Decode() => _decoder.Decode(_regressors, _scoreLogits, _anchors, _inputSize, _inputSize, _minScore, _candidates);

    /// <summary>Decoding, then MediaPipe's weighted suppression (the detector's default).</summary>
    [Benchmark]
    public int DecodeAndWeightedSuppression()
    {
        int count = _decoder.Decode(_regressors, _scoreLogits, _anchors, _inputSize, _inputSize, _minScore, _candidates);
        return _weighted.Suppress(_candidates.AsSpan(0, count), _results);
    }

    /// <summary>Decoding, then hard (classic) suppression.</summary>
    [Benchmark]
    public int DecodeAndHardSuppression()
    {
        int count = _decoder.Decode(_regressors, _scoreLogits, _anchors, _inputSize, _inputSize, _minScore, _candidates);
        return _hard.Suppress(_candidates.AsSpan(0, count), _results);
    }
}
