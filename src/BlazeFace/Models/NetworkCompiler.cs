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
    /// <param name="file">The model file.</param>
    /// <param name="entry">The model's spec and architecture.</param>
    /// <param name="kernels">The kernels the network runs on.</param>
    /// <param name="bandRows">A band height for every banded block instead of their own choice (see <see cref="NetworkBuilder.BandRows"/>).</param>
    public static (CompiledNetwork Network, WeightSources Weights) Compile(TfliteModel file, ModelEntry entry, KernelSet kernels, int? bandRows = null)
    {
        CompiledNetwork network = entry.BuildNetwork(kernels, bandRows);
        WeightSources weights = GraphVerifier.Verify(network, file);
        WeightAssigner.Assign(network, file, weights);
        return (network, weights);
    }
}
