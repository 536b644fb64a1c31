using System.Numerics;
using System.Text.Json;
using BlazeFace.Tests.Support;
using SkiaSharp;

namespace BlazeFace.Cli.Tests;

/// <summary>detect --mesh: each face gains its presence score and, unless the landmark model rejects it, 468 landmarks; --out draws the mesh.</summary>
public class DetectMeshTests
{
    private static readonly string Astronaut = RepositoryPaths.Asset("images/astronaut.png");

    [Test]
    public void Each_face_gains_presence_and_468_landmarks_in_the_models_order_in_image_pixels()
    {
        // The PNG is lossless, so the library on the raw fixture sees the CLI's pixels.
        using var landmarker = new FaceLandmarker();
        FaceMesh expected = landmarker.Detect(TestImages.Load("astronaut.png").AsView()).Single();

        JsonElement face = Fixtures.SingleResult(CliRun.Of("detect", Astronaut, "--json", "--mesh")).GetProperty("faces").EnumerateArray().Single();

        JsonElement[] landmarks = [.. face.GetProperty("landmarks").EnumerateArray()];
        Assert.Multiple(() =>
        {
            Assert.That(face.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "score", "box", "roll", "keypoints", "presence", "landmarks" }), "fields");
            Assert.That(face.GetProperty("presence").GetSingle(), Is.EqualTo(expected.Presence), "presence");
            Assert.That(landmarks, Has.Length.EqualTo(468), "landmarks");
            Assert.That(landmarks[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "x", "y", "z" }), "landmark fields");
            Assert.That(
                landmarks.Select(p => new Vector3(p.GetProperty("x").GetSingle(), p.GetProperty("y").GetSingle(), p.GetProperty("z").GetSingle())),
                Is.EqualTo(expected.Landmarks.ToArray()),
                "the library's landmarks, in order");
        });
    }

    [Test]
    public void A_face_the_landmark_model_rejects_keeps_its_detection_and_has_no_landmarks()
    {
        // With no score threshold the detector reports the coffee photo's weak candidates, none of them a face the
        // landmark model accepts.
        string coffee = RepositoryPaths.Asset("images/no_face_coffee.png");

        JsonElement[] faces = [.. Fixtures.SingleResult(CliRun.Of("detect", coffee, "--json", "--mesh", "--min-score", "0.05")).GetProperty("faces").EnumerateArray()];

        Assert.Multiple(() =>
        {
            Assert.That(faces, Is.Not.Empty, "weak detections");
            Assert.That(faces.Select(f => f.EnumerateObject().Select(p => p.Name).ToArray()), Has.All.EqualTo(new[] { "score", "box", "roll", "keypoints", "presence" }), "no landmarks");
            Assert.That(faces.Select(f => f.GetProperty("presence").GetSingle()), Has.All.LessThanOrEqualTo(0.5f), "presence at most MediaPipe's threshold");
        });
    }

    [Test]
    public void Without_mesh_the_faces_have_no_mesh_fields()
    {
        JsonElement face = Fixtures.SingleResult(CliRun.Of("detect", Astronaut, "--json")).GetProperty("faces")[0];

        Assert.That(face.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "score", "box", "roll", "keypoints" }));
    }

    [Test]
    public void The_table_gains_a_presence_column()
    {
        CliRun run = CliRun.Of("detect", Astronaut, "--mesh");

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.OutputLines[0].TrimEnd(), Does.EndWith("presence"));
        Assert.That(run.OutputLines[1].TrimEnd(), Does.EndWith("1.000"));
    }

    [Test]
    public void Out_draws_the_mesh_under_the_box()
    {
        using var landmarker = new FaceLandmarker();
        FaceMesh mesh = landmarker.Detect(TestImages.Load("astronaut.png").AsView()).Single();
        string withMesh = Path.Combine(Path.GetTempPath(), $"blazeface-mesh-{Guid.NewGuid():N}.png");
        string without = Path.Combine(Path.GetTempPath(), $"blazeface-nomesh-{Guid.NewGuid():N}.png");
        try
        {
            Assert.That(CliRun.Of("detect", Astronaut, "--mesh", "--out", withMesh).ExitCode, Is.Zero);
            Assert.That(CliRun.Of("detect", Astronaut, "--out", without).ExitCode, Is.Zero);

            // The chin is on the face oval: the contour's white is drawn there, over the photo.
            using SKBitmap drawn = SKBitmap.Decode(withMesh);
            using SKBitmap plain = SKBitmap.Decode(without);
            Vector3 chin = mesh[FaceMesh.Chin];
            SKColor atChin = drawn.GetPixel((int)chin.X, (int)chin.Y);
            Assert.That(Math.Min(atChin.Red, Math.Min(atChin.Green, atChin.Blue)), Is.GreaterThan(200), "white contour at the chin");
            Assert.That(plain.GetPixel((int)chin.X, (int)chin.Y), Is.Not.EqualTo(atChin), "not there without --mesh");
        }
        finally
        {
            File.Delete(withMesh);
            File.Delete(without);
        }
    }
}
