using BlazeFace.Kernels;
using BlazeFace.Network;

namespace BlazeFace.Tests.Support;

/// <summary>One run of a model's compiled network on an input, with the outputs copied out.</summary>
internal sealed record NetworkRun(float[] Regressors, float[] Classificators)
{
    /// <summary>Runs the fused network in a fresh working set.</summary>
    public static NetworkRun Fused(BlazeFaceModel model, KernelSet kernels, ReadOnlySpan<float> input)
    {
        CompiledNetwork network = model.Compile(kernels).Network;
        NetworkActivations activations = network.CreateActivations();
        input.CopyTo(activations.Input);
        network.Run(activations);
        return new NetworkRun(activations.Output(0).ToArray(), activations.Output(1).ToArray());
    }

    /// <summary>Runs every layer on its own, unfused, each keeping its output.</summary>
    public static NetworkRun LayerByLayer(BlazeFaceModel model, KernelSet kernels, ReadOnlySpan<float> input)
    {
        CompiledNetwork network = model.Compile(kernels).Network;
        NetworkActivations activations = network.CreateLayerByLayerActivations();
        input.CopyTo(activations.Input);
        network.RunLayerByLayer(activations);
        return new NetworkRun(activations.Output(0).ToArray(), activations.Output(1).ToArray());
    }
}
