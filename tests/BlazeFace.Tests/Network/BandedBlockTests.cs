using BlazeFace.Kernels;
using BlazeFace.Models;
using BlazeFace.Network;
using BlazeFace.Network.Blocks;
using BlazeFace.Network.Layers;
using BlazeFace.Tests.Kernels;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Network;

/// <summary>
/// BlazeBlocks run band by band compute every value exactly as they do in one band (each intermediate a whole
/// tensor), whatever the band height, and choose heights that keep a band's rows within the cache budget.
/// </summary>
public class BandedBlockTests
{
    /// <summary>A band height above every block's: each runs as one band.</summary>
    private const int OneBand = int.MaxValue;

    private static IEnumerable<string> AllWidths => KernelSets.All.Select(set => set.Name);

    [Test]
    public void A_double_blaze_block_gives_the_same_bits_in_bands_of_any_height(
        [ValueSource(nameof(AllWidths))] string width,
        [Values(1, 2)] int stride,
        [Values(1, 2, 3, 5)] int bandRows) =>
        AssertBandsEqualOneBand(width, bandRows, new TensorShape(13, 11, 24), (b, x) => b.DoubleBlazeBlock(x, projectionChannels: 8, outChannels: 28, stride));

    [Test]
    public void A_blaze_block_gives_the_same_bits_in_bands_of_any_height(
        [ValueSource(nameof(AllWidths))] string width,
        [Values(1, 2)] int stride,
        [Values(1, 2, 3, 5)] int bandRows) =>
        AssertBandsEqualOneBand(width, bandRows, new TensorShape(13, 11, 24), (b, x) => b.BlazeBlock(x, outChannels: 28, stride));

    // The face-landmark network's strided blocks pool with 'valid' windows, which match the convolution on even sizes only.
    [Test]
    public void A_prelu_blaze_block_gives_the_same_bits_in_bands_of_any_height(
        [ValueSource(nameof(AllWidths))] string width,
        [Values(1, 2)] int stride,
        [Values(1, 2, 3, 5)] int bandRows) =>
        AssertBandsEqualOneBand(width, bandRows, new TensorShape(14, 12, 24), (b, x) => b.PReluBlazeBlock(x, outChannels: 28, stride));

    [TestCase(BundledModel.ShortRange)]
    [TestCase(BundledModel.FullRange)]
    [TestCase(BundledModel.BackCamera)]
    public void A_detector_network_in_its_own_bands_gives_the_outputs_of_one_band_per_block(BundledModel kind) =>
        AssertModelBandsEqualOneBand(kind.Load());

    [Test]
    public void The_face_landmark_network_in_its_own_bands_gives_the_outputs_of_one_band_per_block() =>
        AssertModelBandsEqualOneBand(BlazeFaceModel.FaceLandmarks);

    [Test]
    public void The_full_range_network_runs_its_96x96_blocks_in_several_bands_and_its_6x6_blocks_in_one()
    {
        CompiledNetwork network = BlazeFaceModel.FullRange.Compile(KernelSet.Default).Network;
        DoubleBlazeBlock[] blocks = [.. network.Nodes.OfType<DoubleBlazeBlock>()];

        DoubleBlazeBlock first = blocks[0], last6x6 = blocks.Last(block => block.Output.OutputShape.Height == 6);
        Assert.That(first.Output.OutputShape.Height, Is.EqualTo(96));
        Assert.That(first.BandRows, Is.LessThan(96 / 4), "a 96x96x32 block moves several MB, far more than the budget");
        Assert.That(last6x6.BandRows, Is.EqualTo(6));
    }

    [Test]
    public void A_band_height_keeps_the_band_within_the_budget_in_few_even_bands()
    {
        // 96 rows of 10,000 floats each: 6 rows fit 256 KB, so 16 bands of 6.
        Assert.That(BandHeight.Choose(outputRows: 96, floatsPerRow: 10_000, fixedFloats: 0), Is.EqualTo(6));

        // 13 rows fit, so 8 bands of 12 rather than 7 of 13 and one of 5.
        Assert.That(BandHeight.Choose(outputRows: 96, floatsPerRow: 5_000, fixedFloats: 0), Is.EqualTo(12));

        // The rows a window's halo adds to every band count against the budget.
        Assert.That(BandHeight.Choose(outputRows: 96, floatsPerRow: 10_000, fixedFloats: 20_000), Is.EqualTo(4));

        // 5 rows fit, so 24 bands of 4 rather than 19 of 5 (each with a row the depthwise kernel computes alone) and one of 1.
        Assert.That(BandHeight.Choose(outputRows: 96, floatsPerRow: 12_000, fixedFloats: 0), Is.EqualTo(4));

        // 7 rows fit in 48: 8 bands of 6.
        Assert.That(BandHeight.Choose(outputRows: 48, floatsPerRow: 9_000, fixedFloats: 0), Is.EqualTo(6));
    }

    [Test]
    public void A_block_whose_rows_all_fit_the_budget_is_one_band() =>
        Assert.That(BandHeight.Choose(outputRows: 12, floatsPerRow: 1_000, fixedFloats: 0), Is.EqualTo(12));

    [Test]
    public void A_row_larger_than_the_budget_still_makes_bands_of_one_row() =>
        Assert.That(BandHeight.Choose(outputRows: 12, floatsPerRow: 100_000, fixedFloats: 0), Is.EqualTo(1));

    [Test]
    public void A_forced_band_height_is_used_up_to_the_output_height()
    {
        Assert.That(BandHeight.Choose(outputRows: 96, floatsPerRow: 10_000, fixedFloats: 0, forced: 3), Is.EqualTo(3));
        Assert.That(BandHeight.Choose(outputRows: 12, floatsPerRow: 10_000, fixedFloats: 0, forced: OneBand), Is.EqualTo(12));
    }

    [Test]
    public void A_working_sets_scratch_holds_what_its_most_demanding_block_needs()
    {
        CompiledNetwork network = BlazeFaceModel.FullRange.Compile(KernelSet.Default).Network;
        int needed = network.Nodes.Max(node => node.ScratchFloats);

        Assert.That(needed, Is.GreaterThan(0));
        Assert.That(network.CreateActivations().Scratch.Length, Is.GreaterThanOrEqualTo(needed));
        Assert.That((long)needed * sizeof(float), Is.LessThanOrEqualTo(BandHeight.BudgetBytes), "a band's intermediates are part of its budget");
    }

    /// <summary>
    /// Builds one block on an input of <paramref name="shape"/> twice, in bands of <paramref name="bandRows"/> and in
    /// one band, with the same random weights, and asserts the outputs are identical.
    /// </summary>
    private static void AssertBandsEqualOneBand(string width, int bandRows, TensorShape shape, Func<NetworkBuilder, Layer, Layer> block)
    {
        float[] input = TestTensors.Random(shape.Length, 5);
        float[] banded = RunBlock(width, bandRows, shape, block, input);
        float[] whole = RunBlock(width, OneBand, shape, block, input);
        Assert.That(banded, Is.EqualTo(whole));
    }

    private static float[] RunBlock(string width, int bandRows, TensorShape shape, Func<NetworkBuilder, Layer, Layer> block, float[] input)
    {
        var builder = new NetworkBuilder("block", KernelSets.ByName(width)) { BandRows = bandRows };
        Layer output = block(builder, builder.Input("input", shape.Height, shape.Width, shape.Channels));
        CompiledNetwork network = builder.Build(output);
        int seed = 100;
        foreach (WeightVariable weight in network.Weights)
        {
            weight.Assign(TestTensors.Random((int)weight.ElementCount, seed++));
        }

        NetworkActivations activations = network.CreateActivations();
        input.CopyTo(activations.Input);
        network.Run(activations);
        return activations.Output(0).ToArray();
    }

    private static void AssertModelBandsEqualOneBand(BlazeFaceModel model)
    {
        float[] input = TestTensors.Random(model.InputSize * model.InputSize * 3, 9);
        var (banded, whole) = (Run(model, bandRows: null, input), Run(model, OneBand, input));
        for (int output = 0; output < banded.Length; output++)
        {
            Assert.That(banded[output], Is.EqualTo(whole[output]), $"output {output}");
        }
    }

    private static float[][] Run(BlazeFaceModel model, int? bandRows, float[] input)
    {
        CompiledNetwork network = NetworkCompiler.Compile(model.File, model.Entry, KernelSet.Default, bandRows).Network;
        NetworkActivations activations = network.CreateActivations();
        input.CopyTo(activations.Input);
        network.Run(activations);
        return [.. network.Outputs.Select((_, index) => activations.Output(index).ToArray())];
    }
}
