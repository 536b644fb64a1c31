using BlazeFace.Kernels;

namespace BlazeFace.Tests.Support;

/// <summary>Every kernel set this machine can run, by name, so each parity test runs on each of them.</summary>
internal static class KernelSets
{
    public static IReadOnlyList<(string Name, KernelSet Kernels)> All { get; } =
    [
        ("scalar", KernelSet.Scalar),
        ("default", KernelSet.Default),
    ];

    public static KernelSet ByName(string name) => All.Single(k => k.Name == name).Kernels;
}
