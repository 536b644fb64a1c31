using System.Buffers.Binary;
using System.Runtime.InteropServices;
using BlazeFace.Kernels;
using BlazeFace.Models;
using BlazeFace.Models.Tflite;
using BlazeFace.Network;
using BlazeFace.Network.Loading;
using BlazeFace.Tests.Models;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Hardening;

/// <summary>
/// A finite weight can still wreck the network: one float32 weight of 3e38 overflows the first convolution and every
/// output becomes NaN. Loading refuses weights beyond <see cref="WeightAssigner.MaxAbsWeight"/> as out of range,
/// a bound no trained model comes near, so a model that loads is one whose outputs stay finite.
/// </summary>
public class WeightRangeTests
{
    [TestCase(3e38f)]
    [TestCase(-1e30f)]
    [TestCase(1.0000001e6f)]
    public void A_finite_weight_beyond_the_bound_is_refused_as_out_of_range(float weight)
    {
        TfliteModel model = WithFloat32Weight(ModelSurgery.ShortRange(), "conv2d/Kernel", 0, weight);

        var error = Assert.Throws<InvalidDataException>(() => NetworkCompiler.Compile(model, BlazeFaceModel.ShortRange.Entry, KernelSet.Scalar));

        Assert.That(error!.Message, Does.Contain("'conv2d/Kernel'").And.Contain("out of range"));
    }

    [TestCase(float.PositiveInfinity)]
    [TestCase(float.NaN)]
    public void A_non_finite_weight_is_still_refused_as_not_finite(float weight)
    {
        TfliteModel model = WithFloat32Weight(ModelSurgery.ShortRange(), "regressor_16/Bias", 3, weight);

        var error = Assert.Throws<InvalidDataException>(() => NetworkCompiler.Compile(model, BlazeFaceModel.ShortRange.Entry, KernelSet.Scalar));

        Assert.That(error!.Message, Does.Contain("'regressor_16/Bias'").And.Contain("must be finite"));
    }

    [TestCase("conv2d/Kernel")]
    [TestCase("conv2d_5/Kernel")]
    [TestCase("regressor_16/Bias")]
    [TestCase("classificator_8/Kernel")]
    public void A_weight_at_the_bound_loads_and_the_network_still_runs_to_finite_outputs(string tensor)
    {
        TfliteModel model = WithFloat32Weight(ModelSurgery.ShortRange(), tensor, 0, -WeightAssigner.MaxAbsWeight);
        CompiledNetwork network = NetworkCompiler.Compile(model, BlazeFaceModel.ShortRange.Entry, KernelSet.Default).Network;
        NetworkActivations activations = network.CreateActivations();
        for (int i = 0; i < activations.Input.Length; i++)
        {
            activations.Input[i] = ((i % 255) / 127.5f) - 1f;
        }

        network.Run(activations);

        Assert.That(activations.Output(0).ToArray(), Is.All.Matches<float>(float.IsFinite));
        Assert.That(activations.Output(1).ToArray(), Is.All.Matches<float>(float.IsFinite));
    }

    [Test]
    public void The_bundled_models_weights_lie_four_orders_of_magnitude_inside_the_bound()
    {
        foreach (TfliteModel model in new[] { ModelSurgery.ShortRange(), ModelSurgery.FullRange(), ModelSurgery.BackCamera() })
        {
            float largest = model.Tensors
                .Where(t => t.HasData && t.Type is TensorType.Float16 or TensorType.Float32)
                .Max(t => model.ReadFloat32(t).Max(MathF.Abs));

            Assert.That(largest, Is.LessThan(WeightAssigner.MaxAbsWeight / 10_000));
        }
    }

    [Test]
    public void A_float16_weight_damaged_to_infinity_is_refused_when_loading_the_file()
    {
        byte[] file = File.ReadAllBytes(RepositoryPaths.Asset("models/face_detection_front.tflite"));
        int weight = DataOffset(file, "conv2d_3/Kernel");

        // Exponent bits all ones and mantissa zero: +infinity in half precision.
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(weight), 0x7C00);

        var error = Assert.Throws<InvalidDataException>(() => BlazeFaceModel.FromBytes(file));
        Assert.That(error!.Message, Does.Contain("'conv2d_3/Kernel'").And.Contain("must be finite"));
    }

    [Test]
    public void A_float32_model_with_one_flipped_exponent_bit_is_refused_when_loading_the_file()
    {
        // The realistic damage: one bit flip in the top exponent bit scales a weight by 2^128 (0.037 becomes 1.3e37).
        byte[] file = Float32Edition.Of(BlazeFaceModel.ShortRange.File);
        int weight = DataOffset(file, "conv2d/Kernel");
        file[weight + 3] ^= 0x40;

        var error = Assert.Throws<InvalidDataException>(() => BlazeFaceModel.FromBytes(file));
        Assert.That(error!.Message, Does.Contain("'conv2d/Kernel'").And.Contain("out of range"));
    }

    /// <summary>The model with one weight tensor re-stored as float32, element <paramref name="index"/> set to <paramref name="value"/>.</summary>
    private static TfliteModel WithFloat32Weight(TfliteModel model, string name, int index, float value) =>
        ModelSurgery.WithTensor(model, name, tensor =>
        {
            float[] values = model.ReadFloat32(tensor);
            values[index] = value;
            byte[] data = MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
            return new TfliteTensor(tensor.Index, tensor.Name, [.. tensor.Shape], tensor.ElementCount, TensorType.Float32, tensor.BufferIndex, data);
        });

    /// <summary>Where the named tensor's data starts in the file.</summary>
    private static int DataOffset(byte[] file, string tensor)
    {
        Assert.That(MemoryMarshal.TryGetArray(TfliteModel.Parse(file).GetTensor(tensor).Data, out ArraySegment<byte> data), Is.True);
        return data.Offset;
    }
}
