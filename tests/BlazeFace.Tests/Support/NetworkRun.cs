using BlazeFace.Kernels;
using BlazeFace.Network;

namespace BlazeFace.Tests.Support;

/// <summary>One run of a model's compiled network on an input, with the outputs copied out.</summary>
/// <remarks>Outputs 0 and 1 are a detector's regressors and classificators, or the face-landmark model's landmarks and presence.</remarks>
internal sealed record NetworkRun(float[] Regressors, float[] Classificators)
{
    /// <summary>The face-landmark model's output 0: 468 x (x, y, z) in input pixels.</summary>
    public float[] Landmarks => Regressors;

    /// <summary>The face-landmark model's output 1: the face-presence logit.</summary>
    public float[] Presence => Classificators;

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
