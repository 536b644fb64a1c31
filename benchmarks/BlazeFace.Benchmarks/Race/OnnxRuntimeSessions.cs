using Microsoft.ML.OnnxRuntime;

namespace BlazeFace.Benchmarks.Race;

/// <summary>
/// ONNX Runtime configured as the race compares it: CPU provider, one intra-op and one inter-op thread (the managed
/// network runs on one thread), sequential execution, every graph optimisation.
/// </summary>
internal static class OnnxRuntimeSessions
{
    public static SessionOptions OneThread() => new()
    {
        IntraOpNumThreads = 1,
        InterOpNumThreads = 1,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
    };
}
