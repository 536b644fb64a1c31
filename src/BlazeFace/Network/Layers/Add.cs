using BlazeFace.Kernels;
using BlazeFace.Kernels.Elementwise;

namespace BlazeFace.Network.Layers;

/// <summary>Keras <c>Add</c> of two equally shaped tensors, with an optional fused ReLU: TFLite ADD.</summary>
internal sealed class Add : Layer
{
    private readonly IAddKernel _kernel;

    public Add(string name, Layer left, Layer right, KernelSet kernels, bool relu = false)
        : base(name, [left, right], left.OutputShape)
    {
        Relu = relu;
        if (left.OutputShape != right.OutputShape)
        {
            throw new ArgumentException($"Add '{name}' cannot add {left.OutputShape} ('{left.Name}') and {right.OutputShape} ('{right.Name}').", nameof(right));
        }

        _kernel = kernels.Add;
    }

    /// <summary>Whether a ReLU is fused into the operator (TFLite's <c>fused_activation_function</c>).</summary>
    public bool Relu { get; }

    public override void Forward(NetworkActivations activations) => _kernel.Run(activations[Inputs[0]], activations[Inputs[1]], activations[this], Relu);
}
