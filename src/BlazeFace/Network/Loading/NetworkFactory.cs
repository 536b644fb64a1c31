using BlazeFace.Kernels;
using BlazeFace.Models.Tflite;

namespace BlazeFace.Network;

/// <summary>Builds the network a model file describes: pick the architecture, check the graph, assign the weights.</summary>
internal static class NetworkFactory
{
    public static BlazeFaceModelKind DetectKind(TfliteModel model)
    {
        if (model.Inputs.Count != 1)
        {
            throw new InvalidDataException($"A BlazeFace model has one input; this file has {model.Inputs.Count}.");
        }

        IReadOnlyList<int> shape = model.Tensors[model.Inputs[0]].Shape;
        return shape switch
        {
            [1, ShortRangeArchitecture.InputSize, ShortRangeArchitecture.InputSize, 3] => BlazeFaceModelKind.ShortRange,
            [1, FullRangeArchitecture.InputSize, FullRangeArchitecture.InputSize, 3] => BlazeFaceModelKind.FullRange,
            _ => throw new InvalidDataException($"The model's input has shape [{string.Join(", ", shape)}]; BlazeFace models take [1, 128, 128, 3] (short range) or [1, 192, 192, 3] (full range)."),
        };
    }

    /// <param name="model">The parsed file.</param>
    /// <param name="kernels">The kernels the layers run on.</param>
    /// <param name="shareActivations">Whether activations share buffers (fast; fused runs only) or each layer keeps its own.</param>
    public static BlazeFaceNetwork Create(TfliteModel model, KernelSet kernels, bool shareActivations = true)
    {
        BlazeFaceNetwork network = DetectKind(model) switch
        {
            BlazeFaceModelKind.ShortRange => ShortRangeArchitecture.Build(kernels),
            _ => FullRangeArchitecture.Build(kernels),
        };
        GraphVerifier.Verify(network, model);
        WeightAssigner.Assign(network, model);
        if (shareActivations)
        {
            network.UseSharedActivations();
        }

        return network;
    }
}
