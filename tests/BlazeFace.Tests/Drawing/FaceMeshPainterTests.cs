using System.Drawing;
using System.Numerics;
using BlazeFace.Imaging;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Drawing;

/// <summary>
/// Face meshes drawn by the core painter: the tesselation one pixel wide, the contours over it at the outline's
/// thickness, lines clipped to the image.
/// </summary>
public class FaceMeshPainterTests
{
    private static readonly Rgb Black = new(0, 0, 0);
    private static readonly Rgb Grey = new(192, 192, 192);
    private static readonly Rgb White = new(255, 255, 255);

    private static readonly Lazy<FaceMesh> s_astronaut = new(() =>
    {
        using var landmarker = new FaceLandmarker();
        return landmarker.Detect(TestImages.Load("astronaut.png").AsView()).Single();
    });

    [Test]
    public void Contour_points_are_drawn_in_the_contour_colour_and_other_mesh_points_in_the_mesh_colour()
    {
        FaceMesh mesh = s_astronaut.Value;
        byte[] pixels = Paint(mesh, options: null);
        HashSet<int> contour = [.. Points(FaceMesh.Contours)];

        Assert.Multiple(() =>
        {
            foreach (int i in contour)
            {
                Assert.That(At(pixels, mesh[i]), Is.EqualTo(White), $"contour landmark {i}");
            }

            // Away from every contour (more than the contour's two pixels), a tesselation point is grey.
            foreach (int i in Enumerable.Range(0, FaceMesh.LandmarkCount).Where(i => contour.All(c => Vector2.Distance(Flat(mesh[i]), Flat(mesh[c])) > 6)))
            {
                Assert.That(At(pixels, mesh[i]), Is.EqualTo(Grey), $"landmark {i}");
            }

            Assert.That(At(pixels, new Vector3(5, 5, 0)), Is.EqualTo(Black), "far from the face");
        });
    }

    [Test]
    public void Without_the_tesselation_only_the_contours_are_drawn()
    {
        FaceMesh mesh = s_astronaut.Value;
        byte[] pixels = Paint(mesh, new DetectionPainterOptions { DrawTesselation = false });
        int nose = 4;

        Assert.Multiple(() =>
        {
            Assert.That(At(pixels, mesh[nose]), Is.EqualTo(Black), "the nose has no contour");
            Assert.That(At(pixels, mesh[FaceMesh.Chin]), Is.EqualTo(White), "the chin is on the face oval");
            Assert.That(Colours(pixels), Is.EquivalentTo(new[] { Black, White }), "no grey anywhere");
        });
    }

    [Test]
    public void Colours_and_thickness_come_from_the_options()
    {
        FaceMesh mesh = s_astronaut.Value;
        var options = new DetectionPainterOptions { MeshColor = Color.FromArgb(1, 2, 3), ContourColor = Color.FromArgb(4, 5, 6), Thickness = 1 };

        byte[] pixels = Paint(mesh, options);

        Assert.That(Colours(pixels), Is.EquivalentTo(new[] { Black, new Rgb(1, 2, 3), new Rgb(4, 5, 6) }));
    }

    [Test]
    public void Null_entries_and_meshes_without_landmarks_are_skipped()
    {
        byte[] pixels = new byte[512 * 512 * 3];

        DetectionPainter.DrawFaceMeshes(pixels, 512, 512, ImagePixelFormat.Rgb24, 0, [null!, new FaceMesh()]);

        Assert.That(pixels, Is.All.Zero);
    }

    [Test]
    public void Gray8_is_refused_naming_the_format_and_a_null_list_naming_the_meshes()
    {
        byte[] pixels = new byte[512 * 512 * 3];

        Assert.Multiple(() =>
        {
            Assert.That(() => DetectionPainter.DrawFaceMeshes(pixels, 512, 512, ImagePixelFormat.Gray8, 0, [s_astronaut.Value]), Throws.ArgumentException.With.Property("ParamName").EqualTo("format"));
            Assert.That(() => DetectionPainter.DrawFaceMeshes(pixels, 512, 512, ImagePixelFormat.Rgb24, 0, (IReadOnlyList<FaceMesh>)null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("meshes"));
        });
    }

    [TestCase(2, 3, 12, 3, 11)]
    [TestCase(2, 3, 2, 9, 7)]
    [TestCase(0.5, 0.5, 9.5, 9.5, 10)]
    [TestCase(9.9, 0.2, 0.1, 4.8, 10)]
    public void A_line_covers_one_pixel_per_step_from_end_pixel_to_end_pixel(double x0, double y0, double x1, double y1, int expected)
    {
        byte[] pixels = new byte[16 * 16 * 3];
        var canvas = new PixelCanvas(pixels, PixelLayout.Create(pixels, 16, 16, ImagePixelFormat.Rgb24, 0));

        canvas.DrawLine(x0, y0, x1, y1, 1, White);

        Assert.Multiple(() =>
        {
            Assert.That(Colours16(pixels).Count(c => c == White), Is.EqualTo(expected), "pixels drawn");
            Assert.That(At16(pixels, (int)x0, (int)y0), Is.EqualTo(White), "start pixel");
            Assert.That(At16(pixels, (int)x1, (int)y1), Is.EqualTo(White), "end pixel");
        });
    }

    [Test]
    public void A_thick_line_is_a_square_brush_centred_on_each_pixel()
    {
        byte[] pixels = new byte[16 * 16 * 3];
        var canvas = new PixelCanvas(pixels, PixelLayout.Create(pixels, 16, 16, ImagePixelFormat.Rgb24, 0));

        canvas.DrawLine(4.5, 8.5, 10.5, 8.5, 3, White);

        Assert.Multiple(() =>
        {
            Assert.That(Colours16(pixels).Count(c => c == White), Is.EqualTo(9 * 3), "columns 3 to 11, rows 7 to 9");
            Assert.That(At16(pixels, 3, 7), Is.EqualTo(White), "top-left of the brush at the start");
            Assert.That(At16(pixels, 11, 9), Is.EqualTo(White), "bottom-right of the brush at the end");
        });
    }

    [Test]
    public void A_line_reaching_far_outside_draws_only_its_visible_part_and_one_not_finite_nothing()
    {
        byte[] pixels = new byte[16 * 16 * 3];
        var canvas = new PixelCanvas(pixels, PixelLayout.Create(pixels, 16, 16, ImagePixelFormat.Rgb24, 0));

        canvas.DrawLine(-1e300, 5.5, 1e300, 5.5, 1, White);
        canvas.DrawLine(double.NaN, 1, 5, 1, 1, White);
        canvas.DrawLine(-50, -50, -10, 60, 1, White);

        Assert.That(Colours16(pixels).Count(c => c == White), Is.EqualTo(16), "row 5 only, across the image");
    }

    private static byte[] Paint(FaceMesh mesh, DetectionPainterOptions? options)
    {
        byte[] pixels = new byte[512 * 512 * 3];
        DetectionPainter.DrawFaceMeshes(pixels, 512, 512, ImagePixelFormat.Rgb24, 0, [mesh], options);
        return pixels;
    }

    private static Rgb At(byte[] pixels, Vector3 point)
    {
        int i = (((int)point.Y * 512) + (int)point.X) * 3;
        return new Rgb(pixels[i], pixels[i + 1], pixels[i + 2]);
    }

    private static Rgb At16(byte[] pixels, int x, int y)
    {
        int i = ((y * 16) + x) * 3;
        return new Rgb(pixels[i], pixels[i + 1], pixels[i + 2]);
    }

    private static HashSet<Rgb> Colours(byte[] pixels) => [.. Enumerable.Range(0, pixels.Length / 3).Select(i => new Rgb(pixels[3 * i], pixels[(3 * i) + 1], pixels[(3 * i) + 2]))];

    private static IEnumerable<Rgb> Colours16(byte[] pixels) => Enumerable.Range(0, pixels.Length / 3).Select(i => new Rgb(pixels[3 * i], pixels[(3 * i) + 1], pixels[(3 * i) + 2]));

    private static Vector2 Flat(Vector3 point) => new(point.X, point.Y);

    private static int[] Points(ReadOnlySpan<(int Start, int End)> edges)
    {
        var points = new HashSet<int>();
        foreach ((int start, int end) in edges)
        {
            points.Add(start);
            points.Add(end);
        }

        return [.. points];
    }
}
