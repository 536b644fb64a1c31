using BlazeFace.Kernels;
using BlazeFace.Tests.Support;

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

    [Test]
    public void Back_camera_network_matches_the_scalar_kernels(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width) =>
        AssertMatchesScalar(BlazeFaceModel.BackCamera, width);

    [Test]
    public void Face_landmark_network_matches_the_scalar_kernels(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width) =>
        AssertMatchesScalar(BlazeFaceModel.FaceLandmarks, width);

    private static void AssertMatchesScalar(BlazeFaceModel model, string width)
    {
        float[] image = TestTensors.Random(model.InputSize * model.InputSize * 3, 1);
        NetworkRun expected = NetworkRun.Fused(model, KernelSet.Scalar, image);
        NetworkRun actual = NetworkRun.Fused(model, KernelWidths.Create(width), image);

        // Logits reach about 100 after some 40 layers; 1e-3 absolute is far below anything a detection would notice.
        Assert.Multiple(() =>
        {
            Assert.That(actual.Regressors, Is.EqualTo(expected.Regressors).Within(1e-3f));
            Assert.That(actual.Classificators, Is.EqualTo(expected.Classificators).Within(1e-3f));
        });
    }
}
