namespace BlazeFace.Network;

/// <summary>One step of the network's forward pass: a layer, or a block that runs several layers fused.</summary>
internal interface INetworkNode
{
    void Forward();
}
