using BlazeFace.Kernels;
using BlazeFace.Network;

namespace BlazeFace.Models;

/// <summary>A model the library can load: its spec and the architecture that rebuilds (and recognises) its network.</summary>
/// <param name="Spec">The model's spec.</param>
/// <param name="Architecture">Describes the network's layers to a builder; see <c>Network/Architectures</c>.</param>
internal sealed record ModelEntry(ModelSpec Spec, Func<NetworkBuilder, CompiledNetwork> Architecture)
{
    /// <summary>Rebuilds the network's layers (no weights yet) on <paramref name="kernels"/>.</summary>
    /// <param name="kernels">The kernels the layers run on.</param>
    /// <param name="bandRows">A band height for every banded block instead of their own choice (see <see cref="NetworkBuilder.BandRows"/>).</param>
    public CompiledNetwork BuildNetwork(KernelSet kernels, int? bandRows = null) =>
        Architecture(new NetworkBuilder(Spec.Name, kernels) { BandRows = bandRows });
}
