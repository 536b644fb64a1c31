using BlazeFace.Kernels;
using BlazeFace.Network;
using BlazeFace.Network.Blocks;
using BlazeFace.Network.Layers;
using BlazeFace.Tests.Kernels;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Network;

/// <summary>The built networks have the file's output names and shapes, and their fused run equals the layer-by-layer run.</summary>
public class NetworkStructureTests
{
    [TestCase(BundledModel.ShortRange, 128, "regressors", "classificators", 896)]
    [TestCase(BundledModel.FullRange, 192, "reshaped_regressor_face_4", "reshaped_classifier_face_4", 2304)]
    [TestCase(BundledModel.BackCamera, 256, "regressors", "classificators", 896)]
    public void Outputs_are_anchors_by_16_regressors_and_anchors_by_1_classificators(
        BundledModel kind, int inputSize, string regressors, string classificators, int anchors)
    {
        CompiledNetwork network = Network(kind);
        Assert.That(network.InputShape, Is.EqualTo(new TensorShape(inputSize, inputSize, 3)));
        Assert.That(network.Outputs[0].Name, Is.EqualTo(regressors));
        Assert.That(network.Outputs[0].OutputShape, Is.EqualTo(new TensorShape(1, anchors, 16)));
        Assert.That(network.Outputs[1].Name, Is.EqualTo(classificators));
        Assert.That(network.Outputs[1].OutputShape, Is.EqualTo(new TensorShape(1, anchors, 1)));
    }

    [Test]
    public void Short_range_network_is_built_from_sixteen_single_blaze_blocks()
    {
        CompiledNetwork network = Network(BundledModel.ShortRange);
        Assert.That(network.Layers.OfType<DepthwiseConv2D>().Count(), Is.EqualTo(16));
        Assert.That(network.Layers.OfType<MaxPooling2D>().Count(), Is.EqualTo(3));
        Assert.That(network.Layers.OfType<UpSampling2D>().Count(), Is.Zero);
    }

    [Test]
    public void Full_range_network_has_three_up_sampling_steps_in_its_feature_pyramid()
    {
        CompiledNetwork network = Network(BundledModel.FullRange);
        Assert.That(network.Layers.OfType<UpSampling2D>().Select(u => u.OutputShape.Height), Is.EqualTo(new[] { 12, 24, 48 }));
    }

    [Test]
    public void Back_camera_network_is_thirty_one_single_blaze_blocks_and_a_separable_convolution()
    {
        CompiledNetwork network = Network(BundledModel.BackCamera);
        Assert.That(network.Nodes.OfType<BlazeBlock<ReLU>>().Count(), Is.EqualTo(31));
        Assert.That(network.Nodes.OfType<SeparableConvReluBlock>().Single().Output.OutputShape, Is.EqualTo(new TensorShape(8, 8, 96)));
        Assert.That(network.Layers.OfType<MaxPooling2D>().Count(), Is.EqualTo(3));
    }

    [TestCase(BundledModel.ShortRange)]
    [TestCase(BundledModel.FullRange)]
    [TestCase(BundledModel.BackCamera)]
    public void Fused_run_equals_layer_by_layer_run(BundledModel kind)
    {
        BlazeFaceModel model = kind.Load();
        float[] input = TestTensors.Random(model.InputSize * model.InputSize * 3, 7);

        NetworkRun fused = NetworkRun.Fused(model, KernelSet.Scalar, input);
        NetworkRun layered = NetworkRun.LayerByLayer(model, KernelSet.Scalar, input);

        Assert.That(NetworkParityTests.MaxAbsDifference(layered.Regressors, fused.Regressors), Is.LessThanOrEqualTo(1e-5f));
        Assert.That(NetworkParityTests.MaxAbsDifference(layered.Classificators, fused.Classificators), Is.LessThanOrEqualTo(1e-5f));
    }

    [TestCase(BundledModel.ShortRange)]
    [TestCase(BundledModel.FullRange)]
    [TestCase(BundledModel.BackCamera)]
    public void Shared_activation_storage_gives_exactly_the_outputs_of_private_storage(BundledModel kind)
    {
        CompiledNetwork network = kind.Load().Compile(KernelSet.Default).Network;
        NetworkActivations shared = network.CreateActivations();
        NetworkActivations separate = network.CreateLayerByLayerActivations();
        float[] input = TestTensors.Random(shared.Input.Length, 11);
        input.CopyTo(shared.Input);
        input.CopyTo(separate.Input);

        network.Run(shared);
        network.Run(separate);

        Assert.That(shared.Output(0).ToArray(), Is.EqualTo(separate.Output(0).ToArray()));
        Assert.That(shared.Output(1).ToArray(), Is.EqualTo(separate.Output(1).ToArray()));
    }

    [TestCase(BundledModel.ShortRange)]
    [TestCase(BundledModel.FullRange)]
    [TestCase(BundledModel.BackCamera)]
    public void Shared_activation_storage_is_a_fraction_of_one_region_per_layer(BundledModel kind)
    {
        CompiledNetwork network = kind.Load().Compile(KernelSet.Default).Network;
        long shared = network.CreateActivations().Bytes;
        long separate = network.CreateLayerByLayerActivations().Bytes;
        TestContext.Out.WriteLine($"{kind}: fused arena {shared / 1024} KiB, one region per layer {separate / 1024} KiB");
        Assert.That(shared, Is.LessThan(separate / 5));
    }

    [Test]
    public void A_working_set_with_shared_activations_refuses_a_layer_by_layer_run()
    {
        CompiledNetwork network = BlazeFaceModel.ShortRange.Compile(KernelSet.Scalar).Network;
        NetworkActivations shared = network.CreateActivations();
        Assert.Throws<InvalidOperationException>(() => network.RunLayerByLayer(shared));
    }

    [Test]
    public void A_working_set_planned_for_another_network_is_refused()
    {
        CompiledNetwork shortRange = BlazeFaceModel.ShortRange.Compile(KernelSet.Scalar).Network;
        NetworkActivations fullRange = BlazeFaceModel.FullRange.Compile(KernelSet.Scalar).Network.CreateActivations();
        Assert.Throws<ArgumentException>(() => shortRange.Run(fullRange));
    }

    [Test]
    public void Layers_are_named_like_keras_names_them()
    {
        var names = new LayerNamer();
        Assert.That(new[] { names.Next("conv2d"), names.Next("add"), names.Next("conv2d"), names.Next("conv2d") }, Is.EqualTo(new[] { "conv2d", "add", "conv2d_1", "conv2d_2" }));
    }

    private static CompiledNetwork Network(BundledModel kind) => kind.Load().Compile(KernelSet.Scalar).Network;
}
