using BlazeFace.Kernels;

namespace BlazeFace.Tests.Support;

/// <summary>Every kernel set this machine can run (scalar and each accelerated vector width), by name.</summary>
internal static class KernelSets
{
    public static IReadOnlyList<(string Name, KernelSet Kernels)> All { get; } =
        [.. KernelSet.SupportedWidths.Select(width => (width.ToString().ToLowerInvariant(), width == VectorWidth.Scalar ? KernelSet.Scalar : KernelSet.Create(width)))];

    public static KernelSet ByName(string name) => All.Single(k => k.Name == name).Kernels;
}
