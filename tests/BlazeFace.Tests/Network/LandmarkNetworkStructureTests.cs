using BlazeFace.Kernels;
using BlazeFace.Models.Tflite;
using BlazeFace.Network;
using BlazeFace.Network.Blocks;
using BlazeFace.Network.Layers;
using BlazeFace.Tests.Kernels;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Network;

/// <summary>
/// The face-landmark network has the file's input, outputs and one layer per operator; its fused run (PReLU in the
/// convolutions' epilogues) gives exactly the outputs of its layer-by-layer run.
/// </summary>
public class LandmarkNetworkStructureTests
{
    private static IEnumerable<string> KernelSetNames => KernelSets.All.Select(k => k.Name);

    [Test]
    public void Input_is_192_by_192_rgb_and_outputs_are_1404_landmark_values_and_one_presence_logit()
    {
        CompiledNetwork network = Network();
        Assert.That(network.Input.Name, Is.EqualTo("input_1"));
        Assert.That(network.InputShape, Is.EqualTo(new TensorShape(192, 192, 3)));
        Assert.That(network.Outputs.Select(o => o.Name), Is.EqualTo(new[] { "conv2d_21", "conv2d_31" }));
        Assert.That(network.Outputs[0].OutputShape, Is.EqualTo(new TensorShape(1, 1, 1404)));
        Assert.That(network.Outputs[1].OutputShape, Is.EqualTo(new TensorShape(1, 1, 1)));
    }

    [Test]
    public void Every_operator_of_the_file_but_dequantize_is_one_layer_of_its_kind()
    {
        CompiledNetwork network = Network();
        var operators = ModelSurgery.FaceLandmarks().Operators.Where(o => o.Kind != BuiltinOperator.Dequantize)
            .GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.That(operators, Is.EquivalentTo(new Dictionary<BuiltinOperator, int>
        {
            [BuiltinOperator.Conv2D] = network.Layers.OfType<Conv2D>().Count(),
            [BuiltinOperator.DepthwiseConv2D] = network.Layers.OfType<DepthwiseConv2D>().Count(),
            [BuiltinOperator.Add] = network.Layers.OfType<Add>().Count(),
            [BuiltinOperator.Prelu] = network.Layers.OfType<PReLU>().Count(),
            [BuiltinOperator.MaxPool2D] = network.Layers.OfType<MaxPooling2D>().Count(),
            [BuiltinOperator.Pad] = network.Layers.OfType<ChannelPadding>().Count(),
        }));
        Assert.That(network.Layers.OfType<PReLU>().Count(), Is.EqualTo(23));
    }

    [Test]
    public void Every_prelu_runs_in_the_epilogue_of_the_convolution_before_it()
    {
        CompiledNetwork network = Network();
        Assert.That(network.Nodes.OfType<BlazeBlock<PReLU>>().Count(), Is.EqualTo(20));
        Assert.That(network.Nodes.OfType<ConvActivationBlock<PReLU>>().Count(), Is.EqualTo(3), "the stem and each head's 1x1 narrowing");
        Assert.That(network.Nodes.OfType<PReLU>(), Is.Empty, "no PReLU runs on its own in a fused run");
    }

    [TestCaseSource(nameof(KernelSetNames))]
    public void Fused_run_equals_layer_by_layer_run_exactly(string kernelSetName)
    {
        float[] input = TestTensors.Random(192 * 192 * 3, 7);

        NetworkRun fused = NetworkRun.Fused(BlazeFaceModel.FaceLandmarks, KernelSets.ByName(kernelSetName), input);
        NetworkRun layered = NetworkRun.LayerByLayer(BlazeFaceModel.FaceLandmarks, KernelSets.ByName(kernelSetName), input);

        // The epilogue adds the residual and applies PReLU to the very values the separate layers see.
        Assert.That(fused.Landmarks, Is.EqualTo(layered.Landmarks));
        Assert.That(fused.Presence, Is.EqualTo(layered.Presence));
    }

    [Test]
    public void Shared_activation_storage_gives_exactly_the_outputs_of_private_storage()
    {
        CompiledNetwork network = BlazeFaceModel.FaceLandmarks.Compile(KernelSet.Default).Network;
        NetworkActivations shared = network.CreateActivations();
        NetworkActivations separate = network.CreateLayerByLayerActivations();
        float[] input = TestTensors.Random(shared.Input.Length, 11);
        input.CopyTo(shared.Input);
        input.CopyTo(separate.Input);

        network.Run(shared);
        network.Run(separate);

        Assert.That(shared.Output(0).ToArray(), Is.EqualTo(separate.Output(0).ToArray()));
        Assert.That(shared.Output(1).ToArray(), Is.EqualTo(separate.Output(1).ToArray()));
        TestContext.Out.WriteLine($"fused arena {shared.Bytes / 1024} KiB, one region per layer {separate.Bytes / 1024} KiB");
        Assert.That(shared.Bytes, Is.LessThan(separate.Bytes / 5));
    }

    [Test]
    public void Names_keras_gave_to_layers_the_file_lacks_are_skipped()
    {
        var names = new LayerNamer();
        names.SkipTo("conv2d", 1);
        string first = names.Next("conv2d"), second = names.Next("conv2d");
        names.SkipTo("conv2d", 28);

        Assert.That(new[] { first, second, names.Next("conv2d"), names.Next("add") }, Is.EqualTo(new[] { "conv2d_1", "conv2d_2", "conv2d_28", "add" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => names.SkipTo("conv2d", 28), "conv2d_28 has been given out");
    }

    private static CompiledNetwork Network() => BlazeFaceModel.FaceLandmarks.Compile(KernelSet.Scalar).Network;
}
