using BlazeFace.Kernels;
using BlazeFace.Network;

namespace BlazeFace.Tests.Network;

/// <summary>The built networks have the file's output names and shapes, and their fused run equals the layer-by-layer run.</summary>
public class NetworkStructureTests
{
    [Test]
    public void Short_range_outputs_are_896_by_16_regressors_and_896_by_1_classificators()
    {
        BlazeFaceNetwork network = BlazeFaceModel.ShortRange.CreateNetwork(KernelSet.Scalar);
        Assert.That(network.Regressors.Name, Is.EqualTo("regressors"));
        Assert.That(network.Regressors.OutputShape, Is.EqualTo(new TensorShape(1, 896, 16)));
        Assert.That(network.Classificators.Name, Is.EqualTo("classificators"));
        Assert.That(network.Classificators.OutputShape, Is.EqualTo(new TensorShape(1, 896, 1)));
        Assert.That(network.InputShape, Is.EqualTo(new TensorShape(128, 128, 3)));
    }

    [Test]
    public void Full_range_outputs_are_2304_by_16_regressors_and_2304_by_1_classificators()
    {
        BlazeFaceNetwork network = BlazeFaceModel.FullRange.CreateNetwork(KernelSet.Scalar);
        Assert.That(network.Regressors.Name, Is.EqualTo("reshaped_regressor_face_4"));
        Assert.That(network.Regressors.OutputShape, Is.EqualTo(new TensorShape(1, 2304, 16)));
        Assert.That(network.Classificators.Name, Is.EqualTo("reshaped_classifier_face_4"));
        Assert.That(network.Classificators.OutputShape, Is.EqualTo(new TensorShape(1, 2304, 1)));
        Assert.That(network.InputShape, Is.EqualTo(new TensorShape(192, 192, 3)));
    }

    [Test]
    public void Short_range_network_is_built_from_sixteen_single_blaze_blocks()
    {
        BlazeFaceNetwork network = BlazeFaceModel.ShortRange.CreateNetwork(KernelSet.Scalar);
        Assert.That(network.Layers.OfType<DepthwiseConv2D>().Count(), Is.EqualTo(16));
        Assert.That(network.Layers.OfType<MaxPooling2D>().Count(), Is.EqualTo(3));
        Assert.That(network.Layers.OfType<UpSampling2D>().Count(), Is.Zero);
    }

    [Test]
    public void Full_range_network_has_three_up_sampling_steps_in_its_feature_pyramid()
    {
        BlazeFaceNetwork network = BlazeFaceModel.FullRange.CreateNetwork(KernelSet.Scalar);
        Assert.That(network.Layers.OfType<UpSampling2D>().Select(u => u.OutputShape.Height), Is.EqualTo(new[] { 12, 24, 48 }));
    }

    [TestCase(BlazeFaceModelKind.ShortRange)]
    [TestCase(BlazeFaceModelKind.FullRange)]
    public void Fused_run_equals_layer_by_layer_run(BlazeFaceModelKind kind)
    {
        BlazeFaceModel model = kind == BlazeFaceModelKind.ShortRange ? BlazeFaceModel.ShortRange : BlazeFaceModel.FullRange;
        BlazeFaceNetwork network = model.CreateNetwork(KernelSet.Scalar, shareActivations: false);
        var random = new Random(7);
        Span<float> input = network.InputTensor;
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = (random.NextSingle() * 2) - 1;
        }

        network.Run();
        float[] fused = network.Regressors.Output.Span.ToArray();
        network.RunLayerByLayer();
        float[] layered = network.Regressors.Output.Span.ToArray();

        Assert.That(NetworkParityTests.MaxAbsDifference(layered, fused), Is.LessThanOrEqualTo(1e-5f));
    }

    [TestCase(BlazeFaceModelKind.ShortRange)]
    [TestCase(BlazeFaceModelKind.FullRange)]
    public void Shared_activation_storage_gives_exactly_the_outputs_of_private_storage(BlazeFaceModelKind kind)
    {
        BlazeFaceModel model = kind == BlazeFaceModelKind.ShortRange ? BlazeFaceModel.ShortRange : BlazeFaceModel.FullRange;
        BlazeFaceNetwork shared = model.CreateNetwork(KernelSet.Default, shareActivations: true);
        BlazeFaceNetwork separate = model.CreateNetwork(KernelSet.Default, shareActivations: false);
        var random = new Random(11);
        for (int i = 0; i < shared.InputTensor.Length; i++)
        {
            shared.InputTensor[i] = separate.InputTensor[i] = (random.NextSingle() * 2) - 1;
        }

        shared.Run();
        separate.Run();

        Assert.That(shared.Regressors.Output.Span.ToArray(), Is.EqualTo(separate.Regressors.Output.Span.ToArray()));
        Assert.That(shared.Classificators.Output.Span.ToArray(), Is.EqualTo(separate.Classificators.Output.Span.ToArray()));
    }

    [Test]
    public void A_network_with_shared_activations_refuses_a_layer_by_layer_run()
    {
        BlazeFaceNetwork network = BlazeFaceModel.ShortRange.CreateNetwork(KernelSet.Scalar, shareActivations: true);
        Assert.Throws<InvalidOperationException>(network.RunLayerByLayer);
    }

    [Test]
    public void Layers_are_named_like_keras_names_them()
    {
        var names = new LayerNamer();
        Assert.That(new[] { names.Next("conv2d"), names.Next("add"), names.Next("conv2d"), names.Next("conv2d") }, Is.EqualTo(new[] { "conv2d", "add", "conv2d_1", "conv2d_2" }));
    }
}
