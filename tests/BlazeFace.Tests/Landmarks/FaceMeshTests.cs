using System.Numerics;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Landmarks;

/// <summary>
/// The mesh's data: MediaPipe's connection lists (as MediaPipe publishes them) and the named landmarks, which must sit
/// where their names say on real faces; and a mesh as a reusable result.
/// </summary>
public class FaceMeshTests
{
    /// <summary>The frontal faces: not the near-profile cameraman, alone or as the mosaic's third face.</summary>
    private static IEnumerable<TestCaseData> FrontalGoldens() =>
        MeshGolden.All().Where(g => g.Name is not ("cameraman" or "group_mosaic.face2")).Select(g => new TestCaseData(g.Name).SetArgDisplayNames(g.ToString()));

    [Test]
    public void The_tesselation_is_852_triangles_over_all_468_landmarks()
    {
        ReadOnlySpan<(int Start, int End)> edges = FaceMesh.Tesselation;
        var used = new HashSet<int>();
        var triangles = new HashSet<(int, int, int)>();
        for (int t = 0; t < edges.Length / 3; t++)
        {
            (int a, int b) = edges[3 * t];
            Assert.That(edges[(3 * t) + 1].Start, Is.EqualTo(b), $"triangle {t}: second edge starts where the first ends");
            Assert.That(edges[(3 * t) + 2], Is.EqualTo((edges[(3 * t) + 1].End, a)), $"triangle {t}: third edge closes it");
            int[] corners = [a, b, edges[(3 * t) + 1].End];
            Array.Sort(corners);
            triangles.Add((corners[0], corners[1], corners[2]));
            used.UnionWith(corners);
        }

        int edgeCount = edges.Length;
        Assert.Multiple(() =>
        {
            Assert.That(edgeCount, Is.EqualTo(2556), "edges");
            Assert.That(triangles, Has.Count.EqualTo(852), "distinct triangles");
            Assert.That(used, Is.EquivalentTo(Enumerable.Range(0, FaceMesh.LandmarkCount)), "every landmark, none beyond 467");
        });
    }

    [Test]
    public void The_contours_are_the_six_feature_lists_in_MediaPipes_order()
    {
        (int, int)[] joined = [.. FaceMesh.Lips, .. FaceMesh.LeftEye, .. FaceMesh.LeftEyebrow, .. FaceMesh.RightEye, .. FaceMesh.RightEyebrow, .. FaceMesh.FaceOval];

        Assert.Multiple(() =>
        {
            Assert.That(FaceMesh.Contours.ToArray(), Is.EqualTo(joined), "contours");
            Assert.That(
                new[] { FaceMesh.Lips.Length, FaceMesh.LeftEye.Length, FaceMesh.LeftEyebrow.Length, FaceMesh.RightEye.Length, FaceMesh.RightEyebrow.Length, FaceMesh.FaceOval.Length, FaceMesh.Contours.Length },
                Is.EqualTo(new[] { 40, 16, 8, 16, 8, 36, 124 }),
                "edges per list");
        });
    }

    [Test]
    public void The_face_oval_is_one_closed_loop_from_the_forehead()
    {
        (int Start, int End)[] oval = FaceMesh.FaceOval.ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(oval[0].Start, Is.EqualTo(FaceMesh.ForeheadTop), "starts at the forehead");
            Assert.That(oval.Select((edge, i) => edge.End == oval[(i + 1) % oval.Length].Start), Is.All.True, "each edge starts where the last ended, the last closing the loop");
            Assert.That(oval.Select(e => e.Start).Distinct().Count(), Is.EqualTo(36), "36 distinct points");
            Assert.That(oval.Select(e => e.Start), Does.Contain(FaceMesh.Chin), "through the chin");
        });
    }

    [Test]
    public void Each_named_landmark_belongs_to_its_feature_list()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Points(FaceMesh.RightEye), Is.SupersetOf(new[] { FaceMesh.RightEyeOuterCorner, FaceMesh.RightEyeInnerCorner, FaceMesh.RightEyeUpperLid, FaceMesh.RightEyeLowerLid }), "right eye");
            Assert.That(Points(FaceMesh.LeftEye), Is.SupersetOf(new[] { FaceMesh.LeftEyeOuterCorner, FaceMesh.LeftEyeInnerCorner, FaceMesh.LeftEyeUpperLid, FaceMesh.LeftEyeLowerLid }), "left eye");
            Assert.That(Points(FaceMesh.Lips), Is.SupersetOf(new[] { FaceMesh.MouthRightCorner, FaceMesh.MouthLeftCorner, FaceMesh.UpperLipInner, FaceMesh.LowerLipInner }), "lips");
            Assert.That(Points(FaceMesh.FaceOval), Is.SupersetOf(new[] { FaceMesh.ForeheadTop, FaceMesh.Chin }), "oval");

            // Each eye list is two chains from the outer corner to the inner one, lower lid then upper; a lid's named
            // point is its chain's middle one.
            Assert.That(Chains(FaceMesh.RightEye), Is.EqualTo(new[] { (33, 145, 133), (33, 159, 133) }), "right eye: (start, middle, end) of each lid");
            Assert.That(Chains(FaceMesh.LeftEye), Is.EqualTo(new[] { (263, 374, 362), (263, 386, 362) }), "left eye");
        });
    }

    [TestCaseSource(nameof(FrontalGoldens))]
    public void The_named_landmarks_sit_where_their_names_say(string name)
    {
        // Measured in the face's own frame: x along the eye line from the subject's right eye to its left, y down the
        // face, so that the tilted and rolled photos read like upright ones.
        Vector3[] p = MeshGolden.Load(name).Landmarks;
        Vector2 right = Flat(p[FaceMesh.RightEyeOuterCorner]), left = Flat(p[FaceMesh.LeftEyeOuterCorner]);
        Vector2 across = Vector2.Normalize(left - right);
        var down = new Vector2(-across.Y, across.X);
        float X(int i) => Vector2.Dot(Flat(p[i]), across);
        float Y(int i) => Vector2.Dot(Flat(p[i]), down);
        int[] oval = Points(FaceMesh.FaceOval);

        Assert.Multiple(() =>
        {
            Assert.That(X(FaceMesh.RightEyeOuterCorner), Is.LessThan(X(FaceMesh.RightEyeInnerCorner)), "right eye: outer corner, then inner");
            Assert.That(X(FaceMesh.RightEyeInnerCorner), Is.LessThan(X(FaceMesh.LeftEyeInnerCorner)), "then the left eye's inner corner");
            Assert.That(X(FaceMesh.LeftEyeInnerCorner), Is.LessThan(X(FaceMesh.LeftEyeOuterCorner)), "then its outer corner");
            Assert.That(Y(FaceMesh.RightEyeUpperLid), Is.LessThan(Y(FaceMesh.RightEyeLowerLid)), "right upper lid above the lower");
            Assert.That(Y(FaceMesh.LeftEyeUpperLid), Is.LessThan(Y(FaceMesh.LeftEyeLowerLid)), "left upper lid above the lower");
            Assert.That(X(FaceMesh.MouthRightCorner), Is.EqualTo(Points(FaceMesh.Lips).Min(X)), "the mouth's right corner is its leftmost point on screen");
            Assert.That(X(FaceMesh.MouthLeftCorner), Is.EqualTo(Points(FaceMesh.Lips).Max(X)), "the mouth's left corner its rightmost");
            Assert.That(Y(FaceMesh.UpperLipInner), Is.LessThanOrEqualTo(Y(FaceMesh.LowerLipInner)), "upper lip's inner edge above the lower's");
            Assert.That(Y(FaceMesh.ForeheadTop), Is.EqualTo(oval.Min(Y)).Within(2f), "the oval's top, within 2 px");
            Assert.That(Y(FaceMesh.Chin), Is.EqualTo(oval.Max(Y)).Within(2f), "the oval's bottom, within 2 px");
        });
    }

    [Test]
    public void A_new_mesh_is_empty()
    {
        var mesh = new FaceMesh();

        Assert.Multiple(() =>
        {
            Assert.That(mesh.Landmarks.IsEmpty, Is.True, "no landmarks");
            Assert.That(mesh.Presence, Is.Zero, "presence");
            Assert.That(mesh.Detection, Is.Null, "detection");
            Assert.That(mesh.Bounds, Is.EqualTo(default(FaceBox)), "bounds");
            Assert.That(() => mesh[0], Throws.TypeOf<IndexOutOfRangeException>(), "indexer");
            Assert.That(mesh.ToString(), Is.EqualTo("face: presence 0.00, no landmarks"));
        });
    }

    [Test]
    public void A_clone_keeps_its_values_when_the_original_is_overwritten()
    {
        using var landmarker = new FaceLandmarker();
        var meshes = new FaceMesh[1];
        landmarker.Detect(TestImages.Load("astronaut.png").AsView(), meshes, out _);
        FaceMesh clone = meshes[0].Clone();
        Vector3[] astronaut = clone.Landmarks.ToArray();

        landmarker.Detect(TestImages.Load("grace_hopper.png").AsView(), meshes, out _);

        Assert.Multiple(() =>
        {
            Assert.That(clone.Landmarks.ToArray(), Is.EqualTo(astronaut), "the clone");
            Assert.That(meshes[0].Landmarks.ToArray(), Is.Not.EqualTo(astronaut), "the overwritten mesh");
            Assert.That(clone.Bounds.Width, Is.GreaterThan(50f), "bounds of the landmarks");
            Assert.That(clone.ToString(), Does.StartWith("face: presence 1.00, 468 landmarks in ("));
        });
    }

    private static Vector2 Flat(Vector3 point) => new(point.X, point.Y);

    private static int[] Points(ReadOnlySpan<(int Start, int End)> edges)
    {
        var points = new SortedSet<int>();
        foreach ((int start, int end) in edges)
        {
            points.Add(start);
            points.Add(end);
        }

        return [.. points];
    }

    /// <summary>The list's chains of consecutive edges, each as (first point, middle point, last point).</summary>
    private static (int, int, int)[] Chains(ReadOnlySpan<(int Start, int End)> edges)
    {
        var chains = new List<List<int>>();
        foreach ((int start, int end) in edges)
        {
            if (chains.Count == 0 || chains[^1][^1] != start)
            {
                chains.Add([start]);
            }

            chains[^1].Add(end);
        }

        return [.. chains.Select(c => (c[0], c[c.Count / 2], c[^1]))];
    }
}
