using BlazeFace.Kernels;
using BlazeFace.Models.Tflite;
using BlazeFace.Network;
using BlazeFace.Network.Loading;

namespace BlazeFace.Models;

/// <summary>
/// Compiles the network a model file describes for one kernel set: rebuild the architecture, check it against the
/// file's graph, assign (and pack) every weight. The result never changes afterwards.
/// </summary>
internal static class NetworkCompiler
{
    public static (CompiledNetwork Network, WeightSources Weights) Compile(TfliteModel file, ModelEntry entry, KernelSet kernels)
    {
        CompiledNetwork network = entry.BuildNetwork(kernels);
        WeightSources weights = GraphVerifier.Verify(network, file);
        WeightAssigner.Assign(network, file, weights);
        return (network, weights);
    }
}
