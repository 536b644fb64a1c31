using System.Numerics;
using BlazeFace.Tests.Support;

namespace BlazeFace.OnnxRuntime.Tests.Landmarks;

/// <summary>
/// A face landmarker on the ONNX Runtime engine, through the same public seam a user's engine takes, maps faces as
/// on the managed one: both networks run on ONNX Runtime's exported graphs, the pipeline around them is the library's.
/// </summary>
public sealed class OnnxRuntimeLandmarkerTests : IDisposable
{
    private readonly OnnxRuntimeEngine _engine = new();

    /// <summary>NUnit disposes a fixture after its last test.</summary>
    public void Dispose() => _engine.Dispose();

    [TestCase("astronaut.png")]
    [TestCase("grace_hopper.png")]
    [TestCase("group_mosaic.png")]
    [TestCase("cameraman.png")]
    [TestCase("tilted_face_astronaut.png")]
    [TestCase("astronaut_roll_m45.png")]
    [TestCase("astronaut_roll_p45.png")]
    public void Photos_get_the_managed_engines_meshes(string photo)
    {
        RgbImage image = TestImages.Load(photo);
        using var managed = new FaceLandmarker(new FaceLandmarkerOptions { MaxFaces = 4 });
        using var onnx = new FaceLandmarker(new FaceLandmarkerOptions { MaxFaces = 4, Engine = _engine });

        IReadOnlyList<FaceMesh> expected = managed.Detect(image.AsView());
        IReadOnlyList<FaceMesh> actual = onnx.Detect(image.AsView());

        // Both engines hold the networks to TFLite within 1e-3 of an input pixel, a few thousandths of an image pixel
        // here; a hundredth of a pixel still fails any difference in the pipeline around them.
        Assert.That(actual, Has.Count.EqualTo(expected.Count).And.Count.GreaterThan(0), "faces");
        for (int face = 0; face < expected.Count; face++)
        {
            float worst = 0;
            for (int i = 0; i < FaceMesh.LandmarkCount; i++)
            {
                worst = Math.Max(worst, Vector3.Distance(actual[face].Landmarks[i], expected[face].Landmarks[i]));
            }

            TestContext.Out.WriteLine($"{photo} face {face}: largest landmark difference {worst:E2} px");
            Assert.That(worst, Is.LessThan(0.01f), $"face {face}: largest landmark difference, pixels");
            Assert.That(actual[face].Presence, Is.EqualTo(expected[face].Presence).Within(1e-4f), $"face {face}: presence");
        }
    }

    [Test]
    public void Following_a_video_allocates_no_managed_memory_once_warm()
    {
        RgbImage image = TestImages.Load("astronaut.png");
        using var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { Engine = _engine });
        var meshes = new FaceMesh[1];
        int frame = 0;

        // Past the JIT's tiering, whose first calls allocate once, in code that runs only then.
        long allocated = AllocationProbe.FewestBytesPerCall(() => landmarker.Track(image.AsView(), TimeSpan.FromMilliseconds(33 * frame++), meshes, out _), warmUpCalls: 50);

        Assert.Multiple(() =>
        {
            Assert.That(allocated, Is.Zero, "bytes per frame");
            Assert.That(meshes[0].TrackId, Is.EqualTo(1), "the face followed throughout");
        });
    }
}
