using System.Numerics;
using BlazeFace.Landmarks;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Landmarks;

/// <summary>
/// The model's landmarks, in input pixels, go back into the image through the region: turned and scaled with it, z
/// scaled like x.
/// </summary>
public class LandmarkProjectionTests
{
    private static IEnumerable<TestCaseData> Goldens() =>
        MeshGolden.All().Select(golden => new TestCaseData(golden.Name).SetArgDisplayNames(golden.ToString()));

    [TestCaseSource(nameof(Goldens))]
    public void TFLites_landmarks_project_onto_the_golden_mesh(string name)
    {
        var golden = MeshGolden.Load(name);
        var points = new Vector3[FaceMesh.LandmarkCount];

        LandmarkProjection.ToImage(golden.Tensors.Landmarks, 192, golden.Region, points);

        // Same raw values, float32 region against float64: a thousandth of a pixel.
        for (int i = 0; i < points.Length; i++)
        {
            Assert.That(Vector3.Distance(points[i], golden.Landmarks[i]), Is.LessThan(1e-3f), $"landmark {i}");
        }
    }

    [Test]
    public void The_inputs_centre_lands_on_the_regions_centre_and_its_corner_turns_with_the_region()
    {
        // A region of side 96 (half the input's scale) turned 90° clockwise, centred on (200, 100).
        var region = new RotatedBox(200, 100, 96, 96, 90);
        float[] raw = [96, 96, 10, 0, 0, -20];
        var points = new Vector3[2];

        LandmarkProjection.ToImage(raw, 192, region, points);

        Assert.Multiple(() =>
        {
            Assert.That(points[0].X, Is.EqualTo(200f).Within(1e-4f), "centre x");
            Assert.That(points[0].Y, Is.EqualTo(100f).Within(1e-4f), "centre y");
            Assert.That(points[0].Z, Is.EqualTo(5f).Within(1e-6f), "z halves with x: 10 input pixels are 5 image pixels");

            // The input's top-left corner is (-48, -48) from the centre; turned 90° clockwise it is (48, -48).
            Assert.That(points[1].X, Is.EqualTo(248f).Within(1e-4f), "corner x");
            Assert.That(points[1].Y, Is.EqualTo(52f).Within(1e-4f), "corner y");
            Assert.That(points[1].Z, Is.EqualTo(-10f).Within(1e-6f), "corner z");
        });
    }
}
