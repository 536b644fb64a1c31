using System.Numerics;
using BlazeFace.Landmarks;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Landmarks;

/// <summary>
/// The landmark model's region of interest, as MediaPipe's graphs make it: a square 1.5 times the longer side of a box,
/// centred on it, turned by an eye line; the box and eye line are a detection's (first frame) or the previous frame's
/// landmarks' (video).
/// </summary>
public class FaceRegionTests
{
    private static IEnumerable<TestCaseData> Goldens() =>
        MeshGolden.All().Select(golden => new TestCaseData(golden.Name).SetArgDisplayNames(golden.ToString()));

    [TestCaseSource(nameof(Goldens))]
    public void The_region_of_a_detection_is_the_one_MediaPipes_graph_gives_it(string name)
    {
        var golden = MeshGolden.Load(name);

        RotatedBox region = FaceRegion.FromDetection(golden.Detection);

        // The golden is float64 and this float32: a thousandth of a pixel and of a degree is far below anything visible.
        AssertRegion(region, golden.Region);
    }

    [TestCaseSource(nameof(Goldens))]
    public void The_next_frames_region_is_the_one_MediaPipes_graph_takes_from_the_landmarks(string name)
    {
        var golden = MeshGolden.Load(name);

        RotatedBox region = FaceRegion.FromLandmarks(golden.Landmarks);

        AssertRegion(region, golden.NextRegion);
    }

    [Test]
    public void A_region_is_a_square_one_and_a_half_times_the_boxs_longer_side_turned_by_the_eye_line()
    {
        // Box 40 wide, 60 high, centred on (120, 230); the left eye 10 px right of and 10 px below the right eye.
        var face = new FaceDetection(0.9f, new FaceBox(100, 200, 40, 60), new FaceKeypoints([110, 215, 120, 225, 0, 0, 0, 0, 0, 0, 0, 0]));

        RotatedBox region = FaceRegion.FromDetection(face);

        Assert.That(region, Is.EqualTo(new RotatedBox(120, 230, 90, 90, 45)));
    }

    [Test]
    public void The_region_from_landmarks_bounds_all_of_them_and_turns_with_the_outer_eye_corners()
    {
        // Landmarks spread over x in [10, 50] and y in [20, 100]; the eye corners 33 and 263 on a line going up to the right.
        var landmarks = new Vector3[FaceMesh.LandmarkCount];
        for (int i = 0; i < landmarks.Length; i++)
        {
            landmarks[i] = new Vector3(10 + (40f * i / (landmarks.Length - 1)), 20 + (80f * ((i * 7) % landmarks.Length) / (landmarks.Length - 1)), 0);
        }

        landmarks[FaceMesh.RightEyeOuterCorner] = new Vector3(20, 50, 0);
        landmarks[FaceMesh.LeftEyeOuterCorner] = new Vector3(40, 30, 0);

        RotatedBox region = FaceRegion.FromLandmarks(landmarks);

        Assert.Multiple(() =>
        {
            Assert.That(region.CenterX, Is.EqualTo(30f).Within(1e-4f), "centre x");
            Assert.That(region.CenterY, Is.EqualTo(60f).Within(1e-4f), "centre y");
            Assert.That(region.Width, Is.EqualTo(120f).Within(1e-4f), "1.5 x the 80-pixel height");
            Assert.That(region.Height, Is.EqualTo(region.Width), "square");
            Assert.That(region.AngleDegrees, Is.EqualTo(-45f).Within(1e-4f), "anticlockwise, as the eye line rises");
        });
    }

    [TestCase(float.NaN, 10f, 10f)]
    [TestCase(100f, 0f, 10f)]
    [TestCase(100f, 10f, float.PositiveInfinity)]
    public void A_detection_without_a_finite_box_is_refused_naming_the_face(float x, float width, float height)
    {
        var face = new FaceDetection(0.9f, new FaceBox(x, 10, width, height), new FaceKeypoints(new float[12]));

        var error = Assert.Throws<ArgumentException>(() => FaceRegion.FromDetection(face));

        Assert.That(error!.ParamName, Is.EqualTo("face"));
    }

    [Test]
    public void A_detection_whose_eyes_are_not_finite_is_refused_naming_the_face()
    {
        var face = new FaceDetection(0.9f, new FaceBox(10, 10, 20, 20), new FaceKeypoints([float.NaN, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0]));

        Assert.That(() => FaceRegion.FromDetection(face), Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("face"));
    }

    [Test]
    public void Regions_overlap_by_their_upright_extents_whatever_their_rotation()
    {
        // MediaPipe's association compares the rectangles unturned (a TODO in its source): turning one by 45° changes nothing.
        var a = new RotatedBox(100, 100, 40, 40, 0);
        var b = new RotatedBox(120, 100, 40, 40, 0);

        Assert.Multiple(() =>
        {
            Assert.That(FaceRegion.Overlap(a, b), Is.EqualTo(1f / 3).Within(1e-6f), "20x40 shared of 60x40");
            Assert.That(FaceRegion.Overlap(a, b with { AngleDegrees = 45 }), Is.EqualTo(FaceRegion.Overlap(a, b)));
        });
    }

    private static void AssertRegion(RotatedBox actual, RotatedBox expected) => Assert.Multiple(() =>
    {
        Assert.That(actual.CenterX, Is.EqualTo(expected.CenterX).Within(1e-3f), "centre x");
        Assert.That(actual.CenterY, Is.EqualTo(expected.CenterY).Within(1e-3f), "centre y");
        Assert.That(actual.Width, Is.EqualTo(expected.Width).Within(1e-3f), "side");
        Assert.That(actual.Height, Is.EqualTo(actual.Width), "square");
        Assert.That(actual.AngleDegrees, Is.EqualTo(expected.AngleDegrees).Within(1e-3f), "rotation");
    });
}
