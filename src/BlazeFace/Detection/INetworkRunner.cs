namespace BlazeFace;

/// <summary>
/// The network stage of one working set, on whatever engine runs it: where pre-processing writes the input tensor,
/// how to run, and where post-processing reads the raw outputs. <see cref="FaceDetector"/> runs the managed kernels;
/// the BlazeFace.OnnxRuntime add-on runs the exported ONNX graph. Everything before and after is shared.
/// </summary>
/// <remarks>
/// One runner serves one call at a time (a working set is never shared), so it may keep per-call buffers. The spans
/// stay valid as long as the runner lives; <see cref="Run"/> overwrites the outputs.
/// </remarks>
internal interface INetworkRunner : IDisposable
{
    /// <summary>The model input, NHWC: size x size x 3, RGB in [-1, 1].</summary>
    Span<float> Input { get; }

    /// <summary>The last run's regressors, anchors x 16, in TFLite's anchor order.</summary>
    ReadOnlySpan<float> Regressors { get; }

    /// <summary>The last run's score logits, one per anchor.</summary>
    ReadOnlySpan<float> Classificators { get; }

    /// <summary>Runs the network on <see cref="Input"/>.</summary>
    void Run();
}
