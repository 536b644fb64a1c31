using System.Numerics.Tensors;

namespace BlazeFace.Kernels.Elementwise;

/// <summary>ReLU as <see cref="TensorPrimitives"/>' max(x, 0), vectorised at the machine's widest width.</summary>
internal sealed class TensorPrimitivesReluKernel : IReluKernel
{
    public static TensorPrimitivesReluKernel Instance { get; } = new();

    public void Run(ReadOnlySpan<float> input, Span<float> output) => TensorPrimitives.Max(input[..output.Length], 0f, output);
}
