using BlazeFace.Kernels;
using BlazeFace.Tests.Support;

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

    /// <summary>
    /// Every vectorised width with odd input sizes, the given window sizes, strides 1 and 2, and 'same' or 'valid'
    /// padding, leaving out 'valid' windows larger than the input (those have no output, so no case).
    /// </summary>
    public static IEnumerable<TestCaseData> OddWindowGeometries(int[] windows) =>
        from width in Vectorised
        from size in new[] { new[] { 1, 1 }, new[] { 3, 5 }, new[] { 7, 7 }, new[] { 64, 64 } }
        from window in windows
        from stride in new[] { 1, 2 }
        from same in new[] { true, false }
        where same || (size[0] >= window && size[1] >= window)
        select new TestCaseData(width, size, window, stride, same);

    /// <summary>The kernel set of a width; one instance per width, so a model compiles for it once per test run.</summary>
    public static KernelSet Create(string width) => KernelSets.ByName(width.ToLowerInvariant());
}
