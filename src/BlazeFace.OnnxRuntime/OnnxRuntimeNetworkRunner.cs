using BlazeFace.Export.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace BlazeFace.OnnxRuntime;

/// <summary>
/// One working set's network stage on ONNX Runtime: managed input and output arrays, wrapped once as tensors over
/// their pinned memory and bound to the session, so a run copies nothing through managed code and allocates no
/// managed memory (only what ONNX Runtime does natively).
/// </summary>
/// <remarks>
/// With a GPU execution provider the bound tensors stay in CPU memory: ONNX Runtime copies the input to the device
/// and the outputs back within each run, which for BlazeFace's 0.2-0.8 MB input and 60-150 KB of outputs is small next
/// to the network.
/// </remarks>
internal sealed class OnnxRuntimeNetworkRunner : INetworkRunner
{
    private readonly InferenceSession _session;
    private readonly float[] _input;
    private readonly float[] _regressors;
    private readonly float[] _classificators;
    private readonly OrtValue _inputValue;
    private readonly OrtValue _regressorsValue;
    private readonly OrtValue _classificatorsValue;
    private readonly OrtIoBinding _binding;
    private readonly RunOptions _runOptions;

    public OnnxRuntimeNetworkRunner(InferenceSession session, BlazeFaceModel model)
    {
        _session = session;
        int size = model.InputSize, anchors = model.AnchorCount;
        _input = new float[size * size * 3];
        _regressors = new float[anchors * 16];
        _classificators = new float[anchors];
        var values = new List<IDisposable>();
        try
        {
            _inputValue = Track(values, OrtValue.CreateTensorValueFromMemory(_input, [1, size, size, 3]));
            _regressorsValue = Track(values, OrtValue.CreateTensorValueFromMemory(_regressors, [1, anchors, 16]));
            _classificatorsValue = Track(values, OrtValue.CreateTensorValueFromMemory(_classificators, [1, anchors, 1]));
            _binding = Track(values, session.CreateIoBinding());
            _binding.BindInput(OnnxExporter.InputName, _inputValue);
            _binding.BindOutput(OnnxExporter.RegressorsName, _regressorsValue);
            _binding.BindOutput(OnnxExporter.ClassificatorsName, _classificatorsValue);
            _runOptions = Track(values, new RunOptions());
        }
        catch
        {
            values.ForEach(value => value.Dispose());
            throw;
        }
    }

    public Span<float> Input => _input;

    public ReadOnlySpan<float> Regressors => _regressors;

    public ReadOnlySpan<float> Classificators => _classificators;

    public void Run() => _session.RunWithBinding(_runOptions, _binding);

    public void Dispose()
    {
        _binding.Dispose();
        _runOptions.Dispose();
        _inputValue.Dispose();
        _regressorsValue.Dispose();
        _classificatorsValue.Dispose();
    }

    private static T Track<T>(List<IDisposable> values, T value)
        where T : IDisposable
    {
        values.Add(value);
        return value;
    }
}
