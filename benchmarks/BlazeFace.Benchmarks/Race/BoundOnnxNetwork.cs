using Microsoft.ML.OnnxRuntime;

namespace BlazeFace.Benchmarks.Race;

/// <summary>
/// The exported graph of a model in an ONNX Runtime session, with its input and both outputs bound once to tensors
/// over pinned managed arrays, so a run is one native call that writes straight into <see cref="Regressors"/> and
/// <see cref="Classificators"/>: the fastest way .NET code can call ONNX Runtime.
/// </summary>
internal sealed class BoundOnnxNetwork : IDisposable
{
    private readonly InferenceSession _session;
    private readonly OrtValue _inputValue;
    private readonly OrtValue _regressorsValue;
    private readonly OrtValue _classificatorsValue;
    private readonly OrtIoBinding _binding;
    private readonly RunOptions _runOptions = new();

    public BoundOnnxNetwork(BlazeFaceModel model)
    {
        using var graph = new MemoryStream();
        model.ExportOnnx(graph);
        using SessionOptions options = OnnxRuntimeSessions.OneThread();
        _session = new InferenceSession(graph.ToArray(), options);

        int size = model.InputSize, anchors = model.AnchorCount;
        Input = new float[size * size * 3];
        Regressors = new float[anchors * 16];
        Classificators = new float[anchors];
        _inputValue = OrtValue.CreateTensorValueFromMemory(Input, [1, size, size, 3]);
        _regressorsValue = OrtValue.CreateTensorValueFromMemory(Regressors, [1, anchors, 16]);
        _classificatorsValue = OrtValue.CreateTensorValueFromMemory(Classificators, [1, anchors, 1]);
        _binding = _session.CreateIoBinding();
        _binding.BindInput("input", _inputValue);
        _binding.BindOutput("regressors", _regressorsValue);
        _binding.BindOutput("classificators", _classificatorsValue);
    }

    public float[] Input { get; }

    public float[] Regressors { get; }

    public float[] Classificators { get; }

    public void Run() => _session.RunWithBinding(_runOptions, _binding);

    public void Dispose()
    {
        _binding.Dispose();
        _runOptions.Dispose();
        _inputValue.Dispose();
        _regressorsValue.Dispose();
        _classificatorsValue.Dispose();
        _session.Dispose();
    }
}
