using Microsoft.ML.OnnxRuntime;

namespace BlazeFace.Tests.Support;

/// <summary>A bundled model's exported ONNX graph, loaded into an ONNX Runtime session on the CPU, run by name.</summary>
internal sealed class ExportedGraph : IDisposable
{
    private readonly InferenceSession _session;

    public ExportedGraph(BlazeFaceModel model, GraphOptimizationLevel optimization = GraphOptimizationLevel.ORT_ENABLE_ALL)
    {
        Model = model;
        using var stream = new MemoryStream();
        model.ExportOnnx(stream);
        Bytes = stream.ToArray();
        using var options = new SessionOptions { GraphOptimizationLevel = optimization, IntraOpNumThreads = 1 };
        _session = new InferenceSession(Bytes, options);
    }

    public BlazeFaceModel Model { get; }

    /// <summary>The session, for tests that drive it through the add-on's own runner.</summary>
    public InferenceSession Session => _session;

    public byte[] Bytes { get; }

    public IReadOnlyDictionary<string, NodeMetadata> Inputs => _session.InputMetadata;

    public IReadOnlyDictionary<string, NodeMetadata> Outputs => _session.OutputMetadata;

    /// <summary>
    /// Runs the graph on an NHWC input tensor; returns its two outputs in the order of the model's output names: a
    /// detector's (regressors, classificators), the face landmark model's (landmarks, presence).
    /// </summary>
    public (float[] Regressors, float[] Classificators) Run(float[] input)
    {
        int size = Model.InputSize;
        using OrtValue value = OrtValue.CreateTensorValueFromMemory(input, [1, size, size, 3]);
        using IDisposableReadOnlyCollection<OrtValue> outputs = _session.Run(new RunOptions(), ["input"], [value], [.. Model.OutputNames]);
        return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), outputs[1].GetTensorDataAsSpan<float>().ToArray());
    }

    public void Dispose() => _session.Dispose();
}
