using System.Numerics;
using BlazeFace.Tests.Support;
using OpenCvSharp;

namespace BlazeFace.OpenCvSharp.Tests;

/// <summary><see cref="OpenCvDetectionDrawing.DrawFaceMeshes(Mat, ReadOnlySpan{FaceMesh}, OpenCvDetectionStyle?)"/>: a real mesh drawn with OpenCV's lines.</summary>
public class OpenCvFaceMeshDrawingTests
{
    private const int Nose = 4;
    private static readonly Scalar Mesh = new(255, 0, 0);
    private static readonly Scalar Contour = new(0, 0, 255);

    private static readonly Lazy<FaceMesh> s_face = new(() =>
    {
        using var landmarker = new FaceLandmarker();
        return landmarker.Detect(TestImages.Load("astronaut.png").AsView()).Single();
    });

    [Test]
    public void Contours_are_drawn_over_the_tesselation_in_their_own_bgr_colours()
    {
        using var image = new Mat(512, 512, MatType.CV_8UC3, Scalar.All(0));

        image.DrawFaceMeshes([s_face.Value], new OpenCvDetectionStyle { MeshColor = Mesh, ContourColor = Contour });

        Assert.Multiple(() =>
        {
            Assert.That(At(image, s_face.Value[FaceMesh.Chin]).Item2, Is.GreaterThan(200), "the chin, red, on the face oval");
            Assert.That(At(image, s_face.Value[FaceMesh.MouthLeftCorner]).Item2, Is.GreaterThan(200), "a mouth corner, on the lips");
            Assert.That(At(image, s_face.Value[Nose]).Item0, Is.GreaterThan(100), "the nose, blue, in the tesselation only");
            Assert.That(At(image, s_face.Value[Nose]).Item2, Is.Zero, "with no contour near it");
            Assert.That(image.At<Vec3b>(5, 5), Is.EqualTo(new Vec3b(0, 0, 0)), "far from the face");
        });
    }

    [Test]
    public void Without_the_tesselation_only_the_contours_are_drawn()
    {
        using var image = new Mat(512, 512, MatType.CV_8UC3, Scalar.All(0));

        image.DrawFaceMeshes([s_face.Value], new OpenCvDetectionStyle { MeshColor = Mesh, ContourColor = Contour, DrawTesselation = false });

        Assert.That(At(image, s_face.Value[Nose]), Is.EqualTo(new Vec3b(0, 0, 0)));
    }

    [Test]
    public void On_a_grey_mat_the_mesh_is_drawn_as_luminance_and_on_bgra_opaque()
    {
        using var grey = new Mat(512, 512, MatType.CV_8UC1, Scalar.All(0));
        using var bgra = new Mat(512, 512, MatType.CV_8UC4, Scalar.All(0));

        grey.DrawFaceMeshes([s_face.Value], new OpenCvDetectionStyle { DrawTesselation = false });
        bgra.DrawFaceMeshes([s_face.Value], new OpenCvDetectionStyle { DrawTesselation = false });
        Vector3 chin = s_face.Value[FaceMesh.Chin];

        Assert.Multiple(() =>
        {
            Assert.That(grey.At<byte>((int)MathF.Round(chin.Y), (int)MathF.Round(chin.X)), Is.GreaterThan(200), "white contour on grey");
            Assert.That(bgra.At<Vec4b>((int)MathF.Round(chin.Y), (int)MathF.Round(chin.X)).Item3, Is.EqualTo(255), "opaque");
        });
    }

    [Test]
    public void Empty_and_null_meshes_draw_nothing_and_a_null_list_is_refused()
    {
        using var image = new Mat(64, 64, MatType.CV_8UC3, Scalar.All(0));

        image.DrawFaceMeshes([null!, new FaceMesh()]);

        Assert.Multiple(() =>
        {
            Assert.That(Cv2.CountNonZero(image.Reshape(1)), Is.Zero, "nothing drawn");
            Assert.That(() => image.DrawFaceMeshes((IReadOnlyList<FaceMesh>)null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("meshes"));
        });
    }

    /// <summary>The pixel OpenCV draws a line end at: the point rounded.</summary>
    private static Vec3b At(Mat image, Vector3 point) => image.At<Vec3b>((int)MathF.Round(point.Y), (int)MathF.Round(point.X));
}
