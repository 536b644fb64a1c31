namespace BlazeFace.Network.Layers;

/// <summary>One step of the network's forward pass: a layer, or a block that runs several layers fused.</summary>
internal interface INetworkNode
{
    /// <summary>Layers computed by earlier steps whose outputs this step reads.</summary>
    IReadOnlyList<Layer> Reads { get; }

    /// <summary>Layers whose outputs this step writes (its result and any intermediate it keeps in memory).</summary>
    IReadOnlyList<Layer> Writes { get; }

    /// <summary>
    /// Floats of scratch this step uses for intermediates that never leave it (a banded block's rows in flight), found
    /// at <see cref="NetworkActivations.Scratch"/>; 0 for none.
    /// </summary>
    int ScratchFloats => 0;

    /// <summary>Computes this step from <paramref name="activations"/>, writing into the same working set.</summary>
    void Forward(NetworkActivations activations);
}
