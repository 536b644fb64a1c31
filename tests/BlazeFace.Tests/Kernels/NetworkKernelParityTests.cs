using BlazeFace.Kernels;
using BlazeFace.Network;

namespace BlazeFace.Tests.Kernels;

/// <summary>End to end: the bundled networks give the scalar kernels' outputs at every vector width.</summary>
public class NetworkKernelParityTests
{
    [Test]
    public void Short_range_network_matches_the_scalar_kernels(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width) =>
        AssertMatchesScalar(BlazeFaceModel.ShortRange, width);

    [Test]
    public void Full_range_network_matches_the_scalar_kernels(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width) =>
        AssertMatchesScalar(BlazeFaceModel.FullRange, width);

    private static void AssertMatchesScalar(BlazeFaceModel model, string width)
    {
        BlazeFaceNetwork expected = model.CreateNetwork(KernelSet.Scalar);
        BlazeFaceNetwork actual = model.CreateNetwork(KernelWidths.Create(width));
        float[] image = TestTensors.Random(expected.InputTensor.Length, 1);
        image.CopyTo(expected.InputTensor);
        image.CopyTo(actual.InputTensor);

        expected.Run();
        actual.Run();

        // Logits reach about 100 after some 40 layers; 1e-3 absolute is far below anything a detection would notice.
        Assert.Multiple(() =>
        {
            Assert.That(actual.Regressors.Output.Span.ToArray(), Is.EqualTo(expected.Regressors.Output.Span.ToArray()).Within(1e-3f));
            Assert.That(actual.Classificators.Output.Span.ToArray(), Is.EqualTo(expected.Classificators.Output.Span.ToArray()).Within(1e-3f));
        });
    }
}
