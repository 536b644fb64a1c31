using BlazeFace.Kernels;
using BlazeFace.Models;
using BlazeFace.Models.Tflite;
using BlazeFace.Network;
using BlazeFace.Network.Layers;
using BlazeFace.Network.Loading;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Network;

/// <summary>
/// Weights are assigned from the tensors the graph check finds (by name, for these files), and a missing or mis-shaped
/// tensor is reported by name.
/// </summary>
public class WeightAssignerTests
{
    [Test]
    public void Every_weight_of_every_network_is_assigned()
    {
        foreach (var (spec, file) in new[] { (BlazeFaceModel.ShortRange.Entry, ModelSurgery.ShortRange()), (BlazeFaceModel.FullRange.Entry, ModelSurgery.FullRange()), (BlazeFaceModel.BackCamera.Entry, ModelSurgery.BackCamera()) })
        {
            CompiledNetwork network = spec.BuildNetwork(KernelSet.Scalar);
            WeightVariable[] weights = [.. network.Weights];
            Assert.DoesNotThrow(() => WeightAssigner.Assign(network, file, GraphVerifier.Verify(network, file)));
            Assert.That(weights, Is.Not.Empty);
            Assert.DoesNotThrow(() => network.Run(network.CreateActivations()), "a network with every weight assigned runs");
        }
    }

    [Test]
    public void A_missing_weight_tensor_is_reported_by_name()
    {
        TfliteModel model = ModelSurgery.WithTensor(ModelSurgery.ShortRange(), "conv2d_7/Kernel", t => ModelSurgery.Renamed(t, "renamed"));
        var error = Assert.Throws<InvalidDataException>(() => NetworkCompiler.Compile(model, BlazeFaceModel.ShortRange.Entry, KernelSet.Scalar));
        Assert.That(error!.Message, Does.Contain("'conv2d_7/Kernel'"));
    }

    [Test]
    public void A_weight_tensor_of_the_wrong_shape_is_reported_with_both_shapes()
    {
        TfliteModel model = ModelSurgery.WithTensor(ModelSurgery.ShortRange(), "depthwise_conv2d_3/Bias", t => ModelSurgery.Reshaped(t, [4, 8]));
        var error = Assert.Throws<InvalidDataException>(() => NetworkCompiler.Compile(model, BlazeFaceModel.ShortRange.Entry, KernelSet.Scalar));
        Assert.That(error!.Message, Does.Contain("depthwise_conv2d_3/Bias").And.Contain("[4, 8]").And.Contain("[32]"));
    }

    [Test]
    public void A_network_without_weights_refuses_to_run()
    {
        CompiledNetwork network = BlazeFaceModel.ShortRange.Entry.BuildNetwork(KernelSet.Scalar);
        Assert.Throws<InvalidOperationException>(() => network.Run(network.CreateActivations()));
    }
}
