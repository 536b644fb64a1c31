using System.Numerics;
using BlazeFace.Tests.Support;
using SkiaSharp;

namespace BlazeFace.SkiaSharp.Tests;

/// <summary><see cref="SkiaDetectionDrawing.DrawFaceMeshes(SKCanvas, ReadOnlySpan{FaceMesh}, SkiaDetectionStyle?)"/>: a real mesh drawn with Skia's lines.</summary>
public class SkiaFaceMeshDrawingTests
{
    private const int Nose = 4;
    private static readonly SKColor Mesh = new(0, 0, 255);
    private static readonly SKColor Contour = new(255, 0, 0);

    private static readonly Lazy<FaceMesh> s_face = new(() =>
    {
        using var landmarker = new FaceLandmarker();
        return landmarker.Detect(TestImages.Load("astronaut.png").AsView()).Single();
    });

    [Test]
    public void Contours_are_drawn_over_the_tesselation_in_their_own_colours()
    {
        using SKBitmap bitmap = Draw([s_face.Value], new SkiaDetectionStyle { MeshColor = Mesh, ContourColor = Contour });

        Assert.Multiple(() =>
        {
            Assert.That(Pixel(bitmap, s_face.Value[FaceMesh.Chin]).Red, Is.GreaterThan(200), "the chin, on the face oval");
            Assert.That(Pixel(bitmap, s_face.Value[FaceMesh.MouthLeftCorner]).Red, Is.GreaterThan(200), "a mouth corner, on the lips");
            Assert.That(Pixel(bitmap, s_face.Value[Nose]).Blue, Is.GreaterThan(100), "the nose, in the tesselation only");
            Assert.That(Pixel(bitmap, s_face.Value[Nose]).Red, Is.Zero, "with no contour near it");
            Assert.That(bitmap.GetPixel(5, 5), Is.EqualTo(SKColors.Black), "far from the face");
        });
    }

    [Test]
    public void Without_the_tesselation_only_the_contours_are_drawn()
    {
        using SKBitmap bitmap = Draw([s_face.Value], new SkiaDetectionStyle { MeshColor = Mesh, ContourColor = Contour, DrawTesselation = false });

        Assert.Multiple(() =>
        {
            Assert.That(Pixel(bitmap, s_face.Value[Nose]), Is.EqualTo(SKColors.Black), "the nose");
            Assert.That(Pixel(bitmap, s_face.Value[FaceMesh.Chin]).Red, Is.GreaterThan(200), "the chin");
        });
    }

    [Test]
    public void The_list_overload_draws_what_the_span_one_draws_and_empty_or_null_meshes_draw_nothing()
    {
        using SKBitmap fromSpan = Draw([s_face.Value], null);
        using SKBitmap fromList = new(512, 512);
        fromList.Erase(SKColors.Black);
        using (var canvas = new SKCanvas(fromList))
        {
            canvas.DrawFaceMeshes((IReadOnlyList<FaceMesh>)[s_face.Value]);
        }

        using SKBitmap nothing = Draw([null!, new FaceMesh()], null);

        Assert.Multiple(() =>
        {
            Assert.That(fromList.Bytes, Is.EqualTo(fromSpan.Bytes), "list and span");
            Assert.That(nothing.Pixels, Is.All.EqualTo(SKColors.Black), "nothing to draw");
        });
    }

    [Test]
    public void A_null_canvas_or_list_is_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => SkiaDetectionDrawing.DrawFaceMeshes(null!, [s_face.Value]), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("canvas"));
            using var bitmap = new SKBitmap(10, 10);
            using var canvas = new SKCanvas(bitmap);
            Assert.That(() => canvas.DrawFaceMeshes((IReadOnlyList<FaceMesh>)null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("meshes"));
        });
    }

    private static SKColor Pixel(SKBitmap bitmap, Vector3 point) => bitmap.GetPixel((int)point.X, (int)point.Y);

    private static SKBitmap Draw(FaceMesh[] meshes, SkiaDetectionStyle? style)
    {
        var bitmap = new SKBitmap(512, 512);
        bitmap.Erase(SKColors.Black);
        using var canvas = new SKCanvas(bitmap);
        canvas.DrawFaceMeshes(meshes, style);
        return bitmap;
    }
}
