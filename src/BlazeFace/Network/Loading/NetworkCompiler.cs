using BlazeFace.Kernels;
using BlazeFace.Models;
using BlazeFace.Models.Tflite;

namespace BlazeFace.Network;

/// <summary>
/// Compiles the network a model file describes for one kernel set: rebuild the architecture, check it against the
/// file's graph, assign (and pack) every weight. The result never changes afterwards.
/// </summary>
internal static class NetworkCompiler
{
    public static BlazeFaceNetwork Compile(TfliteModel file, ModelSpec spec, KernelSet kernels)
    {
        BlazeFaceNetwork network = spec.BuildNetwork(kernels);
        GraphVerifier.Verify(network, file);
        WeightAssigner.Assign(network, file);
        return network;
    }
}
