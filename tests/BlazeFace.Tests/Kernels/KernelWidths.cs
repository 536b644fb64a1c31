using BlazeFace.Kernels;

namespace BlazeFace.Tests.Kernels;

/// <summary>
/// The vector widths this machine runs, by name (test methods are public, <see cref="VectorWidth"/> is internal), so
/// every kernel test runs once per width the hardware supports, scalar included.
/// </summary>
internal static class KernelWidths
{
    public static IEnumerable<string> Supported => KernelSet.SupportedWidths.Select(width => width.ToString());

    /// <summary>The vectorised widths only: what is compared with the scalar reference.</summary>
    public static IEnumerable<string> Vectorised => Supported.Where(name => name != nameof(VectorWidth.Scalar));

    public static KernelSet Create(string width) => KernelSet.Create(Enum.Parse<VectorWidth>(width));
}
