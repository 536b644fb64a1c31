using BlazeFace;
using BlazeFace.Kernels;
using BlazeFace.Models.Tflite;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Models;

/// <summary>
/// Models that store float32 weights directly, with no DEQUANTIZE operators (as MediaPipe's 2019 export did) load
/// and run like their float16 editions. The float32 files are written by <see cref="Float32Edition"/> from the
/// committed models.
/// </summary>
public class Float32ModelTests
{
    /// <summary>The dense models: <see cref="Float32Edition"/> rewrites dense float16 constants, not sparse ones.</summary>
    private static IEnumerable<BundledModel> Kinds => [BundledModel.ShortRange, BundledModel.FullRange, BundledModel.BackCamera];

    [TestCaseSource(nameof(Kinds))]
    public void The_float32_edition_has_float32_weights_and_no_dequantize_operators(BundledModel kind)
    {
        TfliteModel model = TfliteModel.Parse(Float32Edition.Of(kind.Load().File));

        Assert.That(model.Operators.Select(op => op.Kind), Has.None.EqualTo(BuiltinOperator.Dequantize));
        Assert.That(model.Tensors.Where(t => t.Name.EndsWith("/Kernel", StringComparison.Ordinal)).Select(t => t.Type), Is.Not.Empty.And.All.EqualTo(TensorType.Float32));
        Assert.That(model.Tensors.Select(t => t.Name), Has.None.EndsWith("_dequantize"));
    }

    [TestCaseSource(nameof(Kinds))]
    public void The_float32_edition_is_recognised_as_the_same_model(BundledModel kind)
    {
        BlazeFaceModel model = BlazeFaceModel.FromBytes(Float32Edition.Of(kind.Load().File));
        Assert.That(model.Name, Is.EqualTo(kind.Load().Name));
    }

    [TestCaseSource(nameof(Kinds))]
    public void The_float32_edition_gives_exactly_the_outputs_of_the_float16_file(BundledModel kind)
    {
        BlazeFaceModel float16 = kind.Load();
        BlazeFaceModel float32 = BlazeFaceModel.FromBytes(Float32Edition.Of(float16.File));
        float[] input = GoldenCase.All().First(g => g.Kind == kind && !g.IsSynthetic).Input;

        NetworkRun expected = NetworkRun.Fused(float16, KernelSet.Default, input);
        NetworkRun actual = NetworkRun.Fused(float32, KernelSet.Default, input);

        Assert.That(actual.Regressors, Is.EqualTo(expected.Regressors));
        Assert.That(actual.Classificators, Is.EqualTo(expected.Classificators));
    }

    [Test]
    public void Float32_weights_are_read_directly_from_the_file()
    {
        TfliteModel float16 = BlazeFaceModel.ShortRange.File;
        TfliteModel float32 = TfliteModel.Parse(Float32Edition.Of(float16));
        TfliteTensor kernel = float32.GetTensor("conv2d/Kernel");

        Assert.That((kernel.Type, kernel.Shape, kernel.Data.Length), Is.EqualTo((TensorType.Float32, new[] { 24, 5, 5, 3 }, 24 * 5 * 5 * 3 * 4)));
        Assert.That(float32.ReadFloat32(kernel), Is.EqualTo(float16.ReadFloat32(float16.GetTensor("conv2d/Kernel"))));
    }
}
