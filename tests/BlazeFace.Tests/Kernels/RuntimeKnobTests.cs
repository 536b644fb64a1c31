using BlazeFace.Kernels;

namespace BlazeFace.Tests.Kernels;

/// <summary>
/// CI reruns the kernel and parity tests with the runtime's instruction-set switches off (DOTNET_EnableAVX512=0,
/// DOTNET_EnableAVX2=0, DOTNET_EnableAVX=0, DOTNET_EnableHWIntrinsic=0) so that every path a user's CPU can take
/// runs somewhere. This checks that a switch really reached the process, so such a run cannot pass by testing the
/// full-width machine again.
/// </summary>
public class RuntimeKnobTests
{
    [Test]
    public void The_kernel_widths_respect_the_instruction_set_switches_in_force()
    {
        IReadOnlyList<VectorWidth> widths = KernelSet.SupportedWidths;
        TestContext.Out.WriteLine($"kernel widths: {string.Join(", ", widths)}; switches: {string.Join(", ", Switches.Where(Off))}");

        Assert.That(widths, Does.Contain(VectorWidth.Scalar));
        if (Off("DOTNET_EnableHWIntrinsic"))
        {
            Assert.That(widths, Is.EqualTo(new[] { VectorWidth.Scalar }));
        }

        if (Off("DOTNET_EnableAVX"))
        {
            Assert.That(widths, Has.None.EqualTo(VectorWidth.V256).And.None.EqualTo(VectorWidth.V512));
        }

        if (Off("DOTNET_EnableAVX512"))
        {
            Assert.That(widths, Has.None.EqualTo(VectorWidth.V512));
        }
    }

    private static IEnumerable<string> Switches => ["DOTNET_EnableHWIntrinsic", "DOTNET_EnableAVX", "DOTNET_EnableAVX2", "DOTNET_EnableAVX512"];

    private static bool Off(string name) => Environment.GetEnvironmentVariable(name) == "0";
}
