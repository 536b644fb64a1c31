using System.Numerics.Tensors;

namespace BlazeFace.Kernels.Elementwise;

/// <summary>
/// Element-wise add (and ReLU) by <see cref="TensorPrimitives"/>, which picks the widest vectors the machine has on
/// its own; the network's only unfused adds are three small feature-pyramid merges, so a second pass for the ReLU
/// over data still in L1 costs less than a hand-written fused loop is worth.
/// </summary>
internal sealed class TensorPrimitivesAddKernel : IAddKernel
{
    public static TensorPrimitivesAddKernel Instance { get; } = new();

    public void Run(ReadOnlySpan<float> left, ReadOnlySpan<float> right, Span<float> output, bool relu)
    {
        ReadOnlySpan<float> leftPart = left[..output.Length], rightPart = right[..output.Length];
        TensorPrimitives.Add(leftPart, rightPart, output);
        if (relu)
        {
            TensorPrimitives.Max(output, 0f, output);
        }
    }
}
