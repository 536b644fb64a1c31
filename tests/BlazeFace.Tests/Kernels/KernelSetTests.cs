using System.Runtime.Intrinsics;
using BlazeFace.Kernels;

namespace BlazeFace.Tests.Kernels;

public class KernelSetTests
{
    [Test]
    public void Default_uses_the_widest_accelerated_width()
    {
        VectorWidth expected = Vector512.IsHardwareAccelerated ? VectorWidth.V512
            : Vector256.IsHardwareAccelerated ? VectorWidth.V256
            : Vector128.IsHardwareAccelerated ? VectorWidth.V128
            : VectorWidth.Scalar;

        Assert.That(KernelSet.Default.Width, Is.EqualTo(expected));
    }

    [Test]
    public void Scalar_is_always_supported() =>
        Assert.That(KernelSet.SupportedWidths, Does.Contain(VectorWidth.Scalar));

    [Test]
    public void Create_returns_a_set_of_the_requested_width(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Supported))] string width) =>
        Assert.That(KernelWidths.Create(width).Width.ToString(), Is.EqualTo(width));

    [Test]
    public void Create_refuses_a_width_the_machine_does_not_accelerate()
    {
        // This machine accelerates every real width, so an undefined one stands in for an unsupported width.
        var unknown = (VectorWidth)99;
        Assert.That(KernelSet.IsSupported(unknown), Is.False);
        Assert.That(() => KernelSet.Create(unknown), Throws.TypeOf<NotSupportedException>());
    }
}
