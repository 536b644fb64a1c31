using BlazeFace.Kernels;
using BlazeFace.Models;
using BlazeFace.Models.Tflite;
using BlazeFace.Network;
using BlazeFace.Network.Loading;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Network;

/// <summary>A file whose graph differs from the architecture is refused, and the message says where.</summary>
public class GraphVerifierTests
{
    [Test]
    public void Bundled_models_match_their_architectures()
    {
        Assert.DoesNotThrow(() => GraphVerifier.Verify(Build(BlazeFaceModel.ShortRange.Entry), ModelSurgery.ShortRange()));
        Assert.DoesNotThrow(() => GraphVerifier.Verify(Build(BlazeFaceModel.FullRange.Entry), ModelSurgery.FullRange()));
        Assert.DoesNotThrow(() => GraphVerifier.Verify(Build(BlazeFaceModel.BackCamera.Entry), ModelSurgery.BackCamera()));
    }

    [Test]
    public void Back_camera_separable_convolution_must_keep_its_depthwise_half()
    {
        TfliteModel model = ModelSurgery.WithOperator(ModelSurgery.BackCamera(), "separable_conv2d__xeno_compat__depthwise",
            op => ModelSurgery.WithOptions(op, op.DepthwiseConv2D! with { StrideHeight = 1, StrideWidth = 1 }));
        var error = Assert.Throws<InvalidDataException>(() => GraphVerifier.Verify(Build(BlazeFaceModel.BackCamera.Entry), model));
        Assert.That(error!.Message, Does.Contain("separable_conv2d__xeno_compat__depthwise").And.Contain("back-camera"));
    }

    [Test]
    public void Short_range_architecture_refuses_the_full_range_file()
    {
        var error = Assert.Throws<InvalidDataException>(() => GraphVerifier.Verify(Build(BlazeFaceModel.ShortRange.Entry), ModelSurgery.FullRange()));
        Assert.That(error!.Message, Does.Contain("short-range").And.Contain("input"));
    }

    [Test]
    public void A_depthwise_stride_that_differs_is_refused_naming_the_layer()
    {
        TfliteModel model = ModelSurgery.WithOperator(ModelSurgery.ShortRange(), "depthwise_conv2d_2",
            op => ModelSurgery.WithOptions(op, op.DepthwiseConv2D! with { StrideHeight = 1, StrideWidth = 1 }));
        var error = Assert.Throws<InvalidDataException>(() => GraphVerifier.Verify(Build(BlazeFaceModel.ShortRange.Entry), model));
        Assert.That(error!.Message, Does.Contain("depthwise_conv2d_2"));
    }

    [Test]
    public void A_convolution_padding_that_differs_is_refused_naming_the_layer()
    {
        TfliteModel model = ModelSurgery.WithOperator(ModelSurgery.ShortRange(), "conv2d",
            op => ModelSurgery.WithOptions(op, op.Conv2D! with { Padding = Padding.Valid }));
        var error = Assert.Throws<InvalidDataException>(() => GraphVerifier.Verify(Build(BlazeFaceModel.ShortRange.Entry), model));
        Assert.That(error!.Message, Does.Contain("'conv2d'").And.Contain("padding"));
    }

    [Test]
    public void A_fused_activation_the_network_does_not_have_is_refused()
    {
        TfliteModel model = ModelSurgery.WithOperator(ModelSurgery.ShortRange(), "conv2d_5",
            op => ModelSurgery.WithOptions(op, op.Conv2D! with { FusedActivation = ActivationFunction.Relu6 }));
        var error = Assert.Throws<InvalidDataException>(() => GraphVerifier.Verify(Build(BlazeFaceModel.ShortRange.Entry), model));
        Assert.That(error!.Message, Does.Contain("conv2d_5"));
    }

    [Test]
    public void Rewired_inputs_are_refused_naming_both_tensors()
    {
        TfliteModel original = ModelSurgery.ShortRange();
        int other = original.GetTensor("activation_3").Index;
        TfliteModel model = ModelSurgery.WithOperator(original, "depthwise_conv2d_5",
            op => ModelSurgery.WithInputs(op, other, op.Inputs[1], op.Inputs[2]));
        var error = Assert.Throws<InvalidDataException>(() => GraphVerifier.Verify(Build(BlazeFaceModel.ShortRange.Entry), model));
        Assert.That(error!.Message, Does.Contain("depthwise_conv2d_5").And.Contain("activation_3").And.Contain("activation_5"));
    }

    [Test]
    public void Upsampling_with_corner_alignment_is_refused()
    {
        TfliteModel model = ModelSurgery.WithOperator(ModelSurgery.FullRange(), "up_sampling2d_1",
            op => ModelSurgery.WithOptions(op, new ResizeBilinearOptions(AlignCorners: true, HalfPixelCenters: false)));
        var error = Assert.Throws<InvalidDataException>(() => GraphVerifier.Verify(Build(BlazeFaceModel.FullRange.Entry), model));
        Assert.That(error!.Message, Does.Contain("up_sampling2d_1"));
    }

    [Test]
    public void A_renamed_output_tensor_is_refused()
    {
        TfliteModel model = ModelSurgery.WithTensor(ModelSurgery.ShortRange(), "regressors", t => ModelSurgery.Renamed(t, "boxes"));
        var error = Assert.Throws<InvalidDataException>(() => GraphVerifier.Verify(Build(BlazeFaceModel.ShortRange.Entry), model));
        Assert.That(error!.Message, Does.Contain("regressors"));
    }

    [Test]
    public void The_face_landmark_model_matches_its_architecture() =>
        Assert.DoesNotThrow(() => GraphVerifier.Verify(Build(BlazeFaceModel.FaceLandmarks.Entry), ModelSurgery.FaceLandmarks()));

    [Test]
    public void A_prelu_reading_another_layers_alpha_is_refused_naming_both()
    {
        TfliteModel original = ModelSurgery.FaceLandmarks();
        int other = original.GetTensor("p_re_lu_4/Alpha_dequantize").Index;
        TfliteModel model = ModelSurgery.WithOperator(original, "p_re_lu_5", op => ModelSurgery.WithInputs(op, op.Inputs[0], other));
        var error = Assert.Throws<InvalidDataException>(() => GraphVerifier.Verify(Build(BlazeFaceModel.FaceLandmarks.Entry), model));
        Assert.That(error!.Message, Does.Contain("'p_re_lu_4/Alpha'").And.Contain("'p_re_lu_5/Alpha'"));
    }

    [Test]
    public void A_prelu_alpha_not_shaped_one_by_one_by_channels_is_refused()
    {
        TfliteModel model = ModelSurgery.WithTensor(ModelSurgery.FaceLandmarks(), "p_re_lu_5/Alpha_dequantize", t => ModelSurgery.Reshaped(t, [32]));
        var error = Assert.Throws<InvalidDataException>(() => GraphVerifier.Verify(Build(BlazeFaceModel.FaceLandmarks.Entry), model));
        Assert.That(error!.Message, Does.Contain("p_re_lu_5/Alpha").And.Contain("[1, 1, 32]"));
    }

    [Test]
    public void A_prelu_without_its_alpha_is_refused()
    {
        TfliteModel model = ModelSurgery.WithOperator(ModelSurgery.FaceLandmarks(), "p_re_lu_5", op => ModelSurgery.WithInputs(op, op.Inputs[0]));
        var error = Assert.Throws<InvalidDataException>(() => GraphVerifier.Verify(Build(BlazeFaceModel.FaceLandmarks.Entry), model));
        Assert.That(error!.Message, Does.Contain("p_re_lu_5/Alpha"));
    }

    private static CompiledNetwork Build(ModelEntry entry) => entry.BuildNetwork(KernelSet.Scalar);
}
