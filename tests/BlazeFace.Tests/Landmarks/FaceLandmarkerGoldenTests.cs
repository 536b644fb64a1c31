using System.Numerics;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Landmarks;

/// <summary>
/// Fidelity: on real photos, a landmarker gives the meshes of MediaPipe's face-mesh pipeline as the goldens record it
/// (an independent float64 re-implementation of MediaPipe's graphs around the real TFLite interpreter), and rolled
/// faces keep their landmarks on the face.
/// </summary>
public class FaceLandmarkerGoldenTests
{
    private static IEnumerable<TestCaseData> Goldens() =>
        MeshGolden.All().Select(golden => new TestCaseData(golden.Name).SetArgDisplayNames(golden.ToString()));

    [TestCaseSource(nameof(Goldens))]
    public void Each_face_of_a_photo_gets_MediaPipes_mesh_within_a_hundredth_of_a_pixel(string name)
    {
        var golden = MeshGolden.Load(name);
        using var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { MaxFaces = 4 });

        IReadOnlyList<FaceMesh> meshes = landmarker.Detect(TestImages.Load(golden.Photo).AsView());

        // The golden's face is the mesh whose region sits where the golden's does (group_mosaic has three).
        FaceMesh mesh = meshes.MinBy(m => Vector2.Distance(new(m.Region.CenterX, m.Region.CenterY), new(golden.Region.CenterX, golden.Region.CenterY)))!;
        float worst = 0;
        for (int i = 0; i < FaceMesh.LandmarkCount; i++)
        {
            worst = Math.Max(worst, Vector3.Distance(mesh.Landmarks[i], golden.Landmarks[i]));
        }

        // Float32 detections, crop and network against float64 geometry and TFLite: the landmarks agree to about 2e-4
        // pixel (the network alone is held to 1e-3 input pixels, up to 1.5e-3 image pixels on the largest face here).
        // A hundredth of a pixel still catches any wrong step: a region half a pixel off moves them by a pixel.
        TestContext.Out.WriteLine($"{golden}: largest landmark difference {worst:E2} px, presence {mesh.Presence} (golden {golden.Presence})");
        Assert.Multiple(() =>
        {
            Assert.That(mesh.Landmarks.Length, Is.EqualTo(FaceMesh.LandmarkCount), "landmarks");
            Assert.That(worst, Is.LessThan(0.01f), "largest distance to the golden's landmark, pixels");
            Assert.That(mesh.Presence, Is.EqualTo(golden.Presence).Within(1e-4f), "presence");
            Assert.That(mesh.Region.CenterX, Is.EqualTo(golden.Region.CenterX).Within(1e-3f), "region centre x");
            Assert.That(mesh.Region.CenterY, Is.EqualTo(golden.Region.CenterY).Within(1e-3f), "region centre y");
            Assert.That(mesh.Region.Width, Is.EqualTo(golden.Region.Width).Within(1e-3f), "region side");
            Assert.That(mesh.Region.AngleDegrees, Is.EqualTo(golden.Region.AngleDegrees).Within(1e-3f), "region rotation");
            Assert.That(mesh.Detection?.Score, Is.EqualTo(golden.Detection.Score).Within(1e-4f), "the detection it came from");
            Assert.That(mesh.TrackId, Is.Zero, "no identity for a still image");
        });
    }

    [TestCase("m45", -45)]
    [TestCase("m30", -30)]
    [TestCase("p30", 30)]
    [TestCase("p45", 45)]
    public void A_rolled_face_keeps_its_landmarks_on_the_face(string tag, double rollDegrees)
    {
        // astronaut_roll_{tag} is the astronaut photo turned counter-clockwise by rollDegrees about the centre of its
        // face's box, so the upright mesh, turned the same way, is where the rolled face's mesh should be.
        using var landmarker = new FaceLandmarker();
        FaceMesh upright = landmarker.Detect(TestImages.Load("astronaut.png").AsView()).Single();
        FaceMesh rolled = landmarker.Detect(TestImages.Load($"astronaut_roll_{tag}.png").AsView()).Single();
        RotatedBox pivot = upright.Detection!.Value.RotatedBoundingBox;
        double cos = Math.Cos(rollDegrees * Math.PI / 180), sin = Math.Sin(rollDegrees * Math.PI / 180);
        double total = 0, worst = 0;
        for (int i = 0; i < FaceMesh.LandmarkCount; i++)
        {
            double dx = upright.Landmarks[i].X - pivot.CenterX, dy = upright.Landmarks[i].Y - pivot.CenterY;
            double x = pivot.CenterX + (cos * dx) + (sin * dy), y = pivot.CenterY - (sin * dx) + (cos * dy);
            double distance = Math.Sqrt(Math.Pow(rolled.Landmarks[i].X - x, 2) + Math.Pow(rolled.Landmarks[i].Y - y, 2));
            total += distance;
            worst = Math.Max(worst, distance);
        }

        float eyes = Vector3.Distance(upright[FaceMesh.RightEyeOuterCorner], upright[FaceMesh.LeftEyeOuterCorner]);
        double turn = EyeLineDegrees(rolled) - EyeLineDegrees(upright);

        // Each landmark lands near where it was, turned: the model sees the rolled face through a region turned by the
        // detector's coarser eye keypoints, so the mesh moves a little (measured: mean 0.3 to 1.7 px, largest 1.3 to
        // 6.1 px, on eyes 62 px apart). A twentieth of the eye distance on average and a sixth at worst leave margin
        // yet fail a mesh turned the wrong way or off the face. The eye line turns with the face, within 3°.
        TestContext.Out.WriteLine($"roll {rollDegrees}°: mean {total / FaceMesh.LandmarkCount:F2} px, largest {worst:F2} px, eye line turned {turn:F1}°");
        Assert.Multiple(() =>
        {
            Assert.That(rolled.Presence, Is.GreaterThan(0.99f), "presence");
            Assert.That(total / FaceMesh.LandmarkCount, Is.LessThan(eyes / 20), "mean distance, pixels");
            Assert.That(worst, Is.LessThan(eyes / 6), "largest distance, pixels");
            Assert.That(turn, Is.EqualTo(-rollDegrees).Within(3), "eye line turned clockwise by the counter-clockwise roll's opposite");
        });
    }

    [TestCase("no_face_coffee.png")]
    [TestCase("no_face_stairs.png")]
    public void A_photo_without_a_face_gives_no_mesh(string photo)
    {
        using var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { MaxFaces = 4 });

        Assert.That(landmarker.Detect(TestImages.Load(photo).AsView()), Is.Empty);
    }

    [Test]
    public void The_landmark_model_rejects_a_region_without_a_face()
    {
        // A made-up detection on the coffee cup: the model's presence score for the crop stays far below 0.5.
        using var landmarker = new FaceLandmarker();
        var cup = new FaceDetection(0.9f, new FaceBox(250, 150, 100, 100), new FaceKeypoints([275, 180, 325, 180, 300, 200, 300, 225, 255, 190, 345, 190]));
        var mesh = new FaceMesh();

        bool present = landmarker.Detect(TestImages.Load("no_face_coffee.png").AsView(), cup, mesh);

        Assert.Multiple(() =>
        {
            Assert.That(present, Is.False, "rejected");
            Assert.That(mesh.Presence, Is.LessThan(0.5f), "presence");
            Assert.That(mesh.Landmarks.IsEmpty, Is.True, "a rejected face has no landmarks");
            Assert.That(mesh.Detection, Is.EqualTo(cup), "the detection it was given");
        });
    }

    private static double EyeLineDegrees(FaceMesh mesh)
    {
        Vector3 start = mesh[FaceMesh.RightEyeOuterCorner], end = mesh[FaceMesh.LeftEyeOuterCorner];
        return Math.Atan2(end.Y - start.Y, end.X - start.X) * 180 / Math.PI;
    }
}
