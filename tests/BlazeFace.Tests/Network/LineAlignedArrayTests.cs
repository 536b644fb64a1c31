using System.Runtime.InteropServices;
using BlazeFace.Kernels;
using BlazeFace.Network;
using BlazeFace.Network.Layers;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Network;

/// <summary>A working set's arena starts on a cache line, and every tensor and the scratch start on one after it.</summary>
public class LineAlignedArrayTests
{
    [Test]
    public void An_aligned_array_starts_on_a_64_byte_boundary_and_holds_the_length_asked_for(
        [Values(0, 1, 15, 16, 17, 1000, 123_457)] int length)
    {
        // Several arrays, so some land at other offsets inside a line.
        for (int i = 0; i < 8; i++)
        {
            LineAlignedArray aligned = LineAlignedArray.Allocate(length);

            Assert.That((long)Marshal.UnsafeAddrOfPinnedArrayElement(aligned.Array, aligned.Start) % 64, Is.Zero);
            Assert.That(aligned.Array.Length - aligned.Start, Is.GreaterThanOrEqualTo(length));
            Assert.That(aligned.Slice(0, length).ToArray(), Is.All.Zero);
        }
    }

    [TestCase(BundledModel.ShortRange)]
    [TestCase(BundledModel.FullRange)]
    [TestCase(BundledModel.BackCamera)]
    public void Every_tensor_and_the_scratch_start_a_whole_number_of_lines_into_the_arena(BundledModel kind)
    {
        CompiledNetwork network = kind.Load().Compile(KernelSet.Default).Network;
        ActivationPlan plan = network.FusedPlan;
        var stored = network.Layers.Where(layer => network.Nodes.Any(node => node.Writes.Contains(layer)) || layer == network.Input);

        Assert.That(stored.Select(plan.OffsetOf), Is.All.Matches<int>(offset => offset % 16 == 0));
        Assert.That(plan.ScratchOffset % 16, Is.Zero);
    }
}
